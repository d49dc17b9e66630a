<?xml version="1.0" encoding="UTF-8"?>
<!--
  html_contrib.xsl — what a document gives the site besides its pages: contribution.json.

  The builder (tools/targets/html.py) takes this file out of the document's pages and keeps it in its cache;
  from the contributions of all documents it makes what spans them (tools/targets/corpus.py): the split
  search index, and for a corpus the collection page, the merged registers and the chronology. A document
  that has not changed is not transformed again: its pages and its contribution are reused.

  FORMAT (JSON; "version" changes when the shape does):
    version   1
    meta      title, title-lang, date (the attributes and text of kse:document-date, or null), authors[],
              words, paragraphs, corrections (the figures of kse:stats)
    blocks    [{id, n, k, r, d, p}]  what the search indexes, one record a result (tools/targets/search_index.py):
              every block of the text (anchor, number, element name, reading and witness text, p ""), then
              every commentary note (k "note", its text in all its languages, p "commentary.html#ID"), the
              notes of the apparatus entries (k "note", p "apparatus.html#aN"), then every apparatus entry
              (k "app": the entry as one line, lemma] readings with their sigla, p the same); in this
              order (text, notes, apparatus: the search knows a record's kind by its place)
    names     [{id, kind, shared, anchor, n, form}]  every tagged name whose @ref resolves: the entry's id and
              register, whether it is in the shared registers, the occurrence's anchor, the number of its
              block and the form the reading text has
    entries   {id: TEI}  the document's own register entries (serialized), for a corpus register
    dates     [{anchor, n, sort, attrs{}, text, before, match, after}]  every dated expression of kse:dates(),
              with its sort key (kse:date-sort-key) and sentence; its W3C attributes, so that the corpus pages
              format it with the common layer (kse:format-date)
  Everything is text: the corpus pages escape it as they write it.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:kse="urn:kse:xslt"
  xmlns:h="urn:kse:html"
  exclude-result-prefixes="#all">

  <xsl:output name="h:json" method="text" encoding="UTF-8"/>

  <xsl:template name="h:contribution">
    <xsl:variable name="root" select="$kse:principal-root"/>
    <xsl:variable name="stats" select="kse:stats($root)"/>
    <xsl:variable name="date" select="kse:document-date($root)"/>
    <xsl:variable name="blocks" select="$root//tei:text//*[kse:is-block(.)]
        [not(ancestor::*[kse:is-block(.)] or ancestor::tei:note or ancestor::tei:teiHeader)]
        [$show-residue = 'yes' or empty(ancestor::tei:div[@type = 'residue'])]"/>
    <xsl:variable name="names" select="$root//tei:text//*[@ref]
        [$show-residue = 'yes' or empty(ancestor::tei:div[@type = 'residue'])]"/>
    <xsl:variable name="contribution" select="map{
      'version': 1,
      'meta': map{
        'title': kse:document-title($root),
        'title-lang': string((($root//tei:teiHeader)[1]/tei:fileDesc/tei:titleStmt/tei:title[@type = 'main'],
                              ($root//tei:teiHeader)[1]/tei:fileDesc/tei:titleStmt/tei:title)[1]/ancestor-or-self::*[@xml:lang][1]/@xml:lang),
        'date': if ($date) then h:date-map($date) else (),
        'authors': array{kse:document-authors($root)},
        'words': $stats('words'), 'paragraphs': $stats('paragraphs'), 'corrections': $stats('corrections')},
      'blocks': array{$blocks ! map{
        'id': kse:block-id(.), 'n': if (self::tei:p or self::tei:l) then kse:block-number(.) else '',
        'k': local-name(.), 'r': kse:text(., 'reading'), 'd': kse:text(., 'diplomatic'), 'p': ''},
        kse:commentary-notes($root) ! map{'id': kse:commentary-id(.), 'n': string(kse:commentary-number(.)), 'k': 'note',
          'r': h:note-text(.), 'd': '', 'p': 'commentary.html#' || kse:commentary-id(.)},
        for $e in kse:interventions($root), $entry in kse:app-entry($e) return
          (if ($entry?kind = 'note') then $e else $entry?notes)[normalize-space(.)] ! map{
            'id': 'a' || $entry?n, 'n': string($entry?n), 'k': 'note', 'r': h:note-text(.),
            'd': '', 'p': 'apparatus.html#a' || $entry?n},
        for $e in kse:interventions($root), $entry in kse:app-entry($e), $line in kse:entry-text($entry, 'en')[. != ''] return
          map{'id': 'a' || $entry?n, 'n': string($entry?n), 'k': 'app', 'r': $line, 'd': '', 'p': 'apparatus.html#a' || $entry?n}},
      'names': array{for $name in $names, $entry in kse:entry($name) return map{
        'id': string($entry/@xml:id), 'kind': kse:register-kind($entry), 'shared': not(root($entry) is $root),
        'anchor': kse:occurrence-id($name), 'n': (kse:block-of($name) ! kse:block-number(.), '')[1],
        'form': kse:text($name, 'reading')}},
      'entries': map:merge(($root//(tei:person | tei:personGrp | tei:place | tei:org)[@xml:id]
                            ! map{string(@xml:id): serialize(.)}), map{'duplicates': 'use-first'}),
      'dates': array{kse:dates($root) ! map:merge((h:date-map(.), map{
        'anchor': kse:date-id(.), 'n': (kse:block-of(.) ! kse:block-number(.), '')[1], 'sort': kse:date-sort-key(.)},
        let $s := kse:sentence-of(.) return map{'before': $s?before, 'match': $s?match, 'after': $s?after}))}
      }" xmlns:map="http://www.w3.org/2005/xpath-functions/map"/>
    <xsl:result-document href="contribution.json" format="h:json">
      <xsl:value-of select="serialize($contribution, map{'method': 'json', 'indent': false()})"/>
    </xsl:result-document>
  </xsl:template>

  <!-- a note's text for the search: its versions (paragraphs) apart, each as plain text -->
  <xsl:function name="h:note-text" as="xs:string">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="normalize-space(string-join((if ($note/tei:p) then $note/tei:p else $note) ! string(.), ' '))"/>
  </xsl:function>

  <!-- a date as data: its W3C attributes and its text (a target rebuilds the element to format it) -->
  <xsl:function name="h:date-map" as="map(*)">
    <xsl:param name="d" as="element()"/>
    <xsl:sequence select="map{
      'attrs': map:merge($d/(@when, @from, @to, @notBefore, @notAfter, @cert, @evidence) ! map{local-name(.): string(.)}),
      'text': normalize-space(string-join($d//text()[not(ancestor::tei:note)]))}"
      xmlns:map="http://www.w3.org/2005/xpath-functions/map"/>
  </xsl:function>
</xsl:stylesheet>
