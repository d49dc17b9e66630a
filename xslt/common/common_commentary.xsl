<?xml version="1.0" encoding="UTF-8"?>
<!--
  common_commentary.xsl — the editors' commentary (the second series of notes, apart from the textual
  apparatus) and the works it cites, for every target.

  READS. Commentary notes: note[@type='commentary'] in the text (not in the header, not in residue divs
  unless show-residue=yes), each with one paragraph per language (<p xml:lang="kk">…</p><p xml:lang="en">…</p>)
  or plain content. Works cited: bibl/biblStruct anywhere (the edition's are in back/div[@type='bibliography']),
  pointed to by <ptr target="#id"/> inside a bibl of the note, with an optional citedRange.
  GIVES.
    kse:commentary-notes($root)      the notes, in document order (their numbers are their positions)
    kse:commentary-number($note)     1, 2 … (one map per document: a lookup, not a count per note)
    kse:commentary-body($note, $lang) the paragraph in $lang, else in the default interface language, else
                                     in the language of the text, else the first; the note itself when it has
                                     no paragraphs
    kse:cited($ptr)                  the bibl/biblStruct a ptr points to, or ()
    kse:bibl-short($b)               author–year form of a work: "Cameron 2018", "Abylkhozhin et al. 1989",
                                     "Pianciola and Cameron 2009"; the title when there is no author
    kse:bibliography($root)          the bibliography divisions of the back matter
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:kse="urn:kse:xslt"
  exclude-result-prefixes="#all">

  <xsl:function name="kse:commentary-notes" as="element(tei:note)*">
    <xsl:param name="root" as="node()"/>
    <xsl:sequence select="root($root)//tei:text//tei:note[@type = 'commentary']
                          [$show-residue = 'yes' or empty(ancestor::tei:div[@type = 'residue'])]"/>
  </xsl:function>

  <xsl:variable name="kse:principal-commentary" as="map(xs:string, xs:integer)"
    select="let $notes := kse:commentary-notes(/) return map:merge(for $i in 1 to count($notes) return map{generate-id($notes[$i]): $i})"/>

  <xsl:function name="kse:commentary-number" as="xs:integer?">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="if (root($note) is $kse:principal-root) then $kse:principal-commentary(generate-id($note))
                          else index-of(kse:commentary-notes($note) ! generate-id(.), generate-id($note))[1]"/>
  </xsl:function>

  <xsl:function name="kse:commentary-body" as="element()">
    <xsl:param name="note" as="element()"/>
    <xsl:param name="lang" as="xs:string"/>
    <xsl:variable name="text-lang" select="string((root($note)//tei:text/@xml:lang, root($note)/*/@xml:lang)[1])"/>
    <xsl:sequence select="($note/tei:p[lang($lang)], $note/tei:p[lang($kse:languages[1])], $note/tei:p[lang($text-lang)],
                           $note/tei:p, $note)[1]"/>
  </xsl:function>

  <xsl:function name="kse:cited" as="element()?">
    <xsl:param name="ptr" as="element()"/>
    <xsl:sequence select="(for $t in tokenize(normalize-space($ptr/@target))[starts-with(., '#')]
                           return key('kse:id', substring($t, 2), root($ptr)))[self::tei:biblStruct or self::tei:bibl][1]"/>
  </xsl:function>

  <xsl:function name="kse:bibl-short" as="xs:string">
    <xsl:param name="b" as="element()"/>
    <xsl:variable name="names" select="(($b/tei:analytic/tei:author, $b/tei:monogr/tei:author, $b/tei:monogr/tei:editor,
                                          $b/tei:author, $b/tei:editor)[1]/../(if (tei:author) then tei:author else tei:editor))
                                        ! normalize-space((tei:surname, tei:persName/tei:surname, tei:name, .)[1])"/>
    <xsl:variable name="year" select="(($b//tei:imprint/tei:date, $b/tei:date)[1]/(@when, @from, @notBefore, .)[1] ! replace(string(.), '^(\d{4}).*$', '$1'))[1]"/>
    <xsl:variable name="who" select="if (count($names) ge 3) then $names[1] || ' et al.'
                                     else if (count($names) = 2) then $names[1] || ' and ' || $names[2]
                                     else if (exists($names)) then $names[1]
                                     else normalize-space(($b//tei:title)[1])"/>
    <xsl:sequence select="normalize-space(string-join(($who, $year), ' '))"/>
  </xsl:function>

  <xsl:function name="kse:bibliography" as="element()*">
    <xsl:param name="root" as="node()"/>
    <xsl:sequence select="root($root)//tei:text/tei:back//tei:div[@type = 'bibliography']"/>
  </xsl:function>
</xsl:stylesheet>
