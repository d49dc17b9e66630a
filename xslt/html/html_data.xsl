<?xml version="1.0" encoding="UTF-8"?>
<!--
  html_data.xsl — machine access to the edition without a server: files a static host serves as they are.

  DTS (Distributed Text Services 1.0, https://dtsapi.org/versions/v1.0/), level 0, in dts/:
    dts/index.json                              the entry point; its URI templates (RFC 6570) name files:
      collection  collection{/id,nav}/index.json     (no id: the root collection)
      navigation  navigation/{resource}{;down}{/ref}.json
      document    document/{resource}{/ref}.xml
    dts/collection/index.json                   the root collection: the document as its one Resource
    dts/collection/RES/index.json, …/parents/index.json   the Resource (and its parent)
    dts/navigation/RES;down=1.json, RES;down=-1.json      the citation tree: every paragraph (and verse line)
    dts/navigation/RES/REF.json                 one citable unit
    dts/document/RES.xml                        the whole TEI; dts/document/RES/REF.xml the TEI of one passage
                                                in <dts:wrapper> (the paragraph as it is encoded: readings,
                                                names, dates and notes)
  RES is the edition's identifier (publicationStmt/idno, as in the citations), REF a paragraph's xml:id
  (stable: p12). The templates are relative to the entry point, absolute when edition-url is given. Other
  combinations of parameters have no file: the static host answers 404, as the spec wants for unknown
  references (the level 0 conformance of a static implementation).
  Plain text, in export/: the reading text (RES-reading.txt; the paragraph the witness breaks in two is
  one, as in the editions), the text of the witness (RES-diplomatic.txt) and the reading text in each other
  script (RES-latn.txt): one block per paragraph, a blank line between them.
  Registers, in export/: persons.csv, places.csv, orgs.csv (one row per entry: id, names in every script and
  language, variants, dates of life, description, paragraphs where named) and registers.jsonld (schema.org
  Person, Place, Organization), linked to the register pages.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:array="http://www.w3.org/2005/xpath-functions/array"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:dts="https://w3id.org/api/dts#"
  xmlns:kse="urn:kse:xslt"
  xmlns:h="urn:kse:html"
  exclude-result-prefixes="#all">

  <xsl:variable name="h:json" as="map(*)" select="map{'method': 'json', 'indent': true(), 'escape-solidus': false()}"/>
  <xsl:variable name="h:dts-context" as="xs:string" select="'https://dtsapi.org/context/v1.0.json'"/>
  <xsl:variable name="h:res" as="xs:string" select="$h:cite-key"/>
  <!-- the DTS files' addresses: absolute on edition-url, else relative (h:dts-href) -->
  <xsl:variable name="h:dts-base" as="xs:string" select="if ($h:base-url != '') then $h:base-url || 'dts/' else ''"/>

  <!-- the citable units: the numbered paragraphs (their later parts too) and verse lines of the text -->
  <xsl:variable name="h:units" as="element()*"
    select="$kse:principal-root//tei:text//(tei:p | tei:l)[kse:is-block(.)]
            [not(ancestor::tei:note or ancestor::tei:teiHeader or ancestor::tei:cell or ancestor::tei:item or ancestor::tei:quote or ancestor::tei:figure)]
            [$show-residue = 'yes' or empty(ancestor::tei:div[@type = 'residue'])]"/>
  <xsl:function name="h:cite-type" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="if ($e/self::tei:l) then 'line' else 'paragraph'"/>
  </xsl:function>

  <xsl:variable name="h:data-files" as="xs:string*" select="(
      'dts/index.json', 'dts/collection/index.json', 'dts/collection/' || $h:res || '/index.json',
      'dts/collection/' || $h:res || '/parents/index.json',
      'dts/navigation/' || $h:res || ';down=1.json', 'dts/navigation/' || $h:res || ';down=-1.json',
      $h:units ! ('dts/navigation/' || $h:res || '/' || kse:block-id(.) || '.json'),
      'dts/document/' || $h:res || '.xml',
      $h:units ! ('dts/document/' || $h:res || '/' || kse:block-id(.) || '.xml'),
      'export/' || $h:res || '-reading.txt', 'export/' || $h:res || '-diplomatic.txt',
      $h:scripts ! ('export/' || $h:res || '-' || lower-case(.) || '.txt'),
      $h:registers ! ('export/' || . || '.csv'), 'export/registers.jsonld'[exists($h:registers)])"/>

  <xsl:template name="h:data-files">
    <xsl:call-template name="h:dts"/>
    <xsl:call-template name="h:plain-texts"/>
    <xsl:call-template name="h:register-exports"/>
  </xsl:template>

  <!-- ============ DTS ============ -->
  <!-- Every address in a DTS file is relative to that file (the files sit at several depths of dts/), or
       absolute on edition-url: $up is the way from the file up to dts/ ('', '../', '../../' …). -->
  <xsl:function name="h:dts-href" as="xs:string">
    <xsl:param name="path" as="xs:string"/>
    <xsl:param name="up" as="xs:string"/>
    <xsl:sequence select="(if ($h:dts-base != '') then $h:dts-base else $up) || $path"/>
  </xsl:function>
  <xsl:function name="h:dts-templates" as="map(*)">
    <xsl:param name="up" as="xs:string"/>
    <xsl:sequence select="map{
      'collection': h:dts-href('collection{/id,nav}/index.json', $up),
      'navigation': h:dts-href('navigation/{resource}{;down}{/ref}.json', $up),
      'document': h:dts-href('document/{resource}{/ref}.xml', $up)}"/>
  </xsl:function>

  <xsl:variable name="h:dts-meta" as="map(*)" select="kse:cite-meta($kse:principal-root)"/>

  <!-- the Resource: the edition's document, with its citation tree and Dublin Core metadata -->
  <xsl:function name="h:dts-resource" as="map(*)">
    <xsl:param name="up" as="xs:string"/>
    <xsl:variable name="m" select="$h:dts-meta"/>
    <xsl:variable name="types" select="distinct-values($h:units ! h:cite-type(.))"/>
    <xsl:sequence select="map:merge((
      map{
        '@id': $h:res, '@type': 'Resource', 'title': $m?title, 'totalParents': 1, 'totalChildren': 0,
        'collection': h:dts-href('collection/' || $h:res || '{/nav}/index.json', $up),
        'navigation': h:dts-href('navigation/' || $h:res || '{;down}{/ref}.json', $up),
        'document': h:dts-href('document/' || $h:res || '{/ref}.xml', $up),
        'mediaTypes': array{'application/tei+xml'},
        'citationTrees': array{map{'@type': 'CitationTree', 'citeStructure': array{$types ! map{'@type': 'CiteStructure', 'citeType': .}}}},
        'dublinCore': map:merge((
          map{'title': array{map{'lang': $m?title-lang, 'value': $m?title},
                             map:keys($m?alt-titles) ! map{'lang': ., 'value': $m?alt-titles(.)}},
              'language': array{$m?language},
              'type': array{'Text'}},
          if (exists($m?editors)) then map{'contributor': array{$m?editors}} else (),
          $m?publisher[. != ''] ! map{'publisher': array{.}},
          $m?date[. != ''] ! map{'date': .},
          $m?version[. != ''] ! map{'hasVersion': .},
          map{'identifier': array{$m?key}},
          ($kse:principal-root//tei:publicationStmt/tei:availability/tei:licence/@target)[1] ! map{'license': string(.)}))},
      if ($source-href != '') then map{'download': (if ($h:base-url != '') then $h:base-url else $up || '../') || $source-href} else ()))"/>
  </xsl:function>

  <xsl:function name="h:dts-unit" as="map(*)">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="map{'identifier': kse:block-id($e), '@type': 'CitableUnit', 'level': 1, 'parent': (),
      'citeType': h:cite-type($e),
      'dublinCore': map{'title': array{map{'lang': $h:text-lang, 'value': (if ($e/self::tei:l) then '' else '¶ ') || kse:block-number($e)}}}}"/>
  </xsl:function>
  <xsl:function name="h:dts-json" as="xs:string">
    <xsl:param name="maps" as="map(*)*"/>
    <xsl:sequence select="serialize(map:merge((map{'@context': $h:dts-context, 'dtsVersion': '1.0'}, $maps), map{'duplicates': 'use-last'}), $h:json)"/>
  </xsl:function>
  <xsl:function name="h:dts-root" as="map(*)">
    <xsl:param name="up" as="xs:string"/>
    <xsl:sequence select="map{'@id': $h:res || '-collection', '@type': 'Collection', 'title': $h:dts-meta?title,
                              'collection': h:dts-href('collection/index.json', $up), 'totalParents': 0, 'totalChildren': 1}"/>
  </xsl:function>

  <xsl:template name="h:dts">
    <xsl:result-document href="dts/index.json" method="text">
      <xsl:value-of select="h:dts-json((map{'@id': h:dts-href('index.json', ''), '@type': 'EntryPoint'}, h:dts-templates('')))"/>
    </xsl:result-document>
    <!-- the root collection: one Resource (a corpus would list all of its documents) -->
    <xsl:result-document href="dts/collection/index.json" method="text">
      <xsl:value-of select="h:dts-json((h:dts-root('../'), map{'collection': h:dts-templates('../')?collection, 'member': array{h:dts-resource('../')}}))"/>
    </xsl:result-document>
    <xsl:result-document href="dts/collection/{$h:res}/index.json" method="text">
      <xsl:value-of select="h:dts-json(h:dts-resource('../../'))"/>
    </xsl:result-document>
    <xsl:result-document href="dts/collection/{$h:res}/parents/index.json" method="text">
      <xsl:value-of select="h:dts-json((h:dts-resource('../../../'), map{'member': array{h:dts-root('../../../')}}))"/>
    </xsl:result-document>
    <!-- navigation: the whole tree (one level deep: down=1 and down=-1 are the same), and each unit -->
    <xsl:for-each select="('1', '-1')">
      <xsl:result-document href="dts/navigation/{$h:res};down={.}.json" method="text">
        <xsl:value-of select="h:dts-json(map{'@id': h:dts-href('navigation/' || $h:res || ';down=' || . || '.json', '../'), '@type': 'Navigation',
                                             'resource': h:dts-resource('../'), 'member': array{$h:units ! h:dts-unit(.)}})"/>
      </xsl:result-document>
    </xsl:for-each>
    <xsl:for-each select="$h:units">
      <xsl:result-document href="dts/navigation/{$h:res}/{kse:block-id(.)}.json" method="text">
        <xsl:value-of select="h:dts-json(map{'@id': h:dts-href('navigation/' || $h:res || '/' || kse:block-id(.) || '.json', '../../'), '@type': 'Navigation',
                                             'resource': h:dts-resource('../../'), 'ref': h:dts-unit(.)})"/>
      </xsl:result-document>
      <!-- the passage: the paragraph as encoded, in the DTS wrapper -->
      <xsl:result-document href="dts/document/{$h:res}/{kse:block-id(.)}.xml" method="xml" indent="no" encoding="UTF-8">
        <TEI xmlns="http://www.tei-c.org/ns/1.0">
          <dts:wrapper><xsl:copy-of select="." copy-namespaces="no"/></dts:wrapper>
        </TEI>
      </xsl:result-document>
    </xsl:for-each>
    <xsl:result-document href="dts/document/{$h:res}.xml" method="xml" indent="no" encoding="UTF-8">
      <xsl:copy-of select="$kse:principal-root/*" copy-namespaces="no"/>
    </xsl:result-document>
  </xsl:template>

  <!-- ============ plain text ============ -->
  <xsl:variable name="h:text-blocks" as="element()*"
    select="$kse:principal-root//tei:text//*[kse:is-block(.)]
            [not(ancestor::*[kse:is-block(.)] or ancestor::tei:note or ancestor::tei:teiHeader)]
            [$show-residue = 'yes' or empty(ancestor::tei:div[@type = 'residue'])]"/>
  <xsl:template name="h:plain-texts">
    <!-- the reading text: a paragraph the witness breaks in two is one paragraph, as in the editions -->
    <xsl:variable name="reading" as="xs:string*">
      <xsl:for-each select="$h:text-blocks">
        <xsl:choose>
          <xsl:when test="self::tei:p[@part = ('M', 'F')][preceding-sibling::*[1][self::tei:p][@part = ('I', 'M')]]"/>
          <xsl:when test="self::tei:p[@part = ('I', 'M')]">
            <xsl:sequence select="string-join((., h:later-parts(.)) ! normalize-space(kse:text(., 'reading')), ' ')"/>
          </xsl:when>
          <xsl:otherwise><xsl:sequence select="normalize-space(kse:text(., 'reading'))"/></xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
    </xsl:variable>
    <xsl:result-document href="export/{$h:res}-reading.txt" method="text" encoding="UTF-8">
      <xsl:value-of select="string-join($reading[. != ''], '&#10;&#10;') || '&#10;'"/>
    </xsl:result-document>
    <xsl:result-document href="export/{$h:res}-diplomatic.txt" method="text" encoding="UTF-8">
      <xsl:value-of select="string-join($h:text-blocks ! normalize-space(kse:text(., 'diplomatic'))[. != ''], '&#10;&#10;') || '&#10;'"/>
    </xsl:result-document>
    <xsl:for-each select="$h:scripts">
      <xsl:variable name="script" select="."/>
      <xsl:result-document href="export/{$h:res}-{lower-case($script)}.txt" method="text" encoding="UTF-8">
        <xsl:value-of select="string-join($reading[. != ''] ! h:in-script(., $script, map{}), '&#10;&#10;') || '&#10;'"/>
      </xsl:result-document>
    </xsl:for-each>
  </xsl:template>

  <!-- ============ registers as CSV and JSON-LD ============ -->
  <!-- a CSV field: quoted when it holds a comma, a quote or a line break (RFC 4180) -->
  <xsl:function name="h:csv" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:variable name="s" select="normalize-space($s)"/>
    <xsl:sequence select="if (matches($s, '[,&quot;\n\r]')) then '&quot;' || replace($s, '&quot;', '&quot;&quot;') || '&quot;' else $s"/>
  </xsl:function>
  <xsl:function name="h:entry-link" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="(if ($h:base-url != '') then $h:base-url else '../') || kse:register-kind($entry) || '.html#' || $entry/@xml:id"/>
  </xsl:function>
  <xsl:function name="h:entry-paragraphs" as="xs:string*">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="distinct-values(kse:occurrences($entry) ! kse:block-of(.) ! kse:block-number(.))"/>
  </xsl:function>

  <xsl:template name="h:register-exports">
    <xsl:for-each select="$h:registers">
      <xsl:variable name="kind" select="."/>
      <xsl:variable name="entries" select="kse:entries($kse:principal-root, $kind)"/>
      <xsl:result-document href="export/{$kind}.csv" method="text" encoding="UTF-8">
        <xsl:value-of select="string-join(('id', 'name', $h:scripts ! ('name_' || lower-case(.)), 'name_en', 'variants', 'life', 'description', 'mentions', 'paragraphs', 'url'), ',')"/>
        <xsl:text>&#13;&#10;</xsl:text>
        <xsl:for-each select="$entries">
          <xsl:variable name="entry" select="."/>
          <xsl:variable name="main" select="kse:entry-name(., $h:text-primary)"/>
          <xsl:variable name="en" select="kse:entry-name(., 'en')"/>
          <xsl:value-of select="string-join((string(@xml:id), $main, $h:scripts ! h:entry-in-script($entry, .),
                                             if ($en != $main) then $en else '',
                                             string-join(kse:entry-variants(.), '; '), kse:entry-life(.), kse:entry-role(., 'en'),
                                             string(count(kse:occurrences(.))), string-join(h:entry-paragraphs(.), ' '), h:entry-link(.)) ! h:csv(.), ',')"/>
          <xsl:text>&#13;&#10;</xsl:text>
        </xsl:for-each>
      </xsl:result-document>
    </xsl:for-each>
    <xsl:if test="exists($h:registers)">
      <xsl:variable name="graph" select="array{$h:registers ! kse:entries($kse:principal-root, .) ! h:entry-jsonld(.)}"/>
      <xsl:result-document href="export/registers.jsonld" method="text" encoding="UTF-8">
        <xsl:value-of select="serialize(map{'@context': map{'@vocab': 'https://schema.org/'}, '@graph': $graph}, $h:json)"/>
      </xsl:result-document>
    </xsl:if>
  </xsl:template>

  <xsl:function name="h:entry-jsonld" as="map(*)">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="kind" select="kse:register-kind($entry)"/>
    <xsl:variable name="main" select="kse:entry-name($entry, $h:text-primary)"/>
    <xsl:variable name="en" select="kse:entry-name($entry, 'en')"/>
    <xsl:variable name="birth" select="$entry/tei:birth/(@when, @notBefore, @from)[1]"/>
    <xsl:variable name="death" select="$entry/tei:death/(@when, @notBefore, @from)[1]"/>
    <xsl:variable name="role" select="kse:entry-role($entry, 'en')"/>
    <xsl:variable name="same" select="$entry/tei:idno[matches(normalize-space(.), '^https?://')] ! normalize-space(.)"/>
    <xsl:sequence select="map:merge((
      map{'@id': h:entry-link($entry),
          '@type': map{'persons': 'Person', 'places': 'Place', 'orgs': 'Organization'}($kind),
          'identifier': string($entry/@xml:id),
          'name': array{map{'@value': $main, '@language': $h:text-lang},
                        $h:scripts ! map{'@value': h:entry-in-script($entry, .), '@language': h:script-lang(.)},
                        $en[. != $main] ! map{'@value': ., '@language': 'en'}}},
      if (exists(kse:entry-variants($entry))) then map{'alternateName': array{kse:entry-variants($entry) ! map{'@value': ., '@language': $h:text-lang}}} else (),
      $role[. != ''] ! map{'description': map{'@value': ., '@language': 'en'}},
      $birth ! map{'birthDate': string(.)}, $death ! map{'deathDate': string(.)},
      if (exists($same)) then map{'sameAs': array{$same}} else (),
      map{'subjectOf': array{distinct-values(kse:occurrences($entry) ! kse:block-of(.) ! kse:block-id(.))
                              ! ((if ($h:base-url != '') then $h:base-url else '../') || 'text.html#' || .)}}))"/>
  </xsl:function>
</xsl:stylesheet>
