<?xml version="1.0" encoding="UTF-8"?>
<!--
  print_book.xsl — the corpus as one book: the frame of the book around the chapters, one per document.

  WHAT: title page and colophon of the project (the title of edition.toml), the contents, the text paged from
  1 in which every document is a chapter, and the indexes of persons, places and organisations merged across
  the documents (one entry per register entry, its pages in every chapter).
  HOW: tools/targets/pdf.py (build_book) makes, in memory, a teiCorpus whose teiHeader holds the project's
  title and whose TEI children are the documents in the order of the book; it passes the shared registers as
  the parameter `registers`, as every builder does. This stylesheet writes the frame, with the line
      // @chapters
  where the builder puts the chapters: each is print.xsl run on its own document with the parameter
  `chapter` (its id, "c1", "c2" … in the order of the TEI children here), so the text, the apparatus and
  the commentary of a chapter are exactly those of the document's own PDF, numbered as in its HTML edition.
  The indexes are print_back.xsl's (kp:indexes) over the whole corpus: the names of all chapters carry
  their entry's id (k.occ), and Typst finds their pages in the same compile. Which entries are one entry is
  the common layer's rule (kse:distinct-entries): one per xml:id, the shared register's first.
  Everything editorial comes from ../common (through print.xsl); this module only arranges the book.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:kse="urn:kse:xslt"
  xmlns:kp="urn:kse:print"
  exclude-result-prefixes="#all">

  <xsl:import href="print.xsl"/>

  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:template match="/" priority="10">
    <xsl:variable name="docs" select="tei:teiCorpus/tei:TEI"/>
    <xsl:variable name="title" select="(normalize-space(tei:teiCorpus/tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title[1])[. != ''], kp:l('text'))[1]"/>
    <xsl:variable name="stmts" select="$docs/tei:teiHeader/tei:fileDesc/tei:titleStmt"/>
    <xsl:variable name="editors" select="distinct-values($stmts/tei:respStmt[@xml:id = 'ed']/(tei:orgName | tei:name | tei:persName)[1] ! normalize-space(.)[. != ''])"/>
    <xsl:variable name="authors" select="distinct-values($stmts/tei:author ! normalize-space(.)[. != ''])"/>
    <xsl:text>// Written by xslt/print/print_book.xsl: the frame of a book of the corpus; the chapters are print.xsl's.&#xA;</xsl:text>
    <xsl:text>#import "/kse.typ" as k&#xA;</xsl:text>
    <xsl:text>#show: k.book.with(title: </xsl:text><xsl:value-of select="kp:str($title)"/>
    <xsl:text>, subtitle: "", author: </xsl:text><xsl:value-of select="kp:array(distinct-values(($authors, $editors)) ! kp:str(.))"/>
    <xsl:text>, keywords: (), date: none, lang: </xsl:text><xsl:value-of select="kp:str($kp:ui-lang)"/>
    <xsl:text>, line-key: </xsl:text><xsl:value-of select="$apparatus-key = 'line'"/>
    <xsl:text>)&#xA;</xsl:text>
    <!-- front matter (roman numerals): title page, colophon, contents -->
    <xsl:text>#k.title-page(series: "", title: </xsl:text><xsl:value-of select="kp:str($title)"/>
    <xsl:text>, subtitles: (), resp: </xsl:text>
    <xsl:value-of select="kp:array($editors[1] ! ('[' || kp:t(kp:l('edition')) || '#linebreak()' || kp:t(string-join($editors, ', ')) || ']'))"/>
    <xsl:text>, edition: (), imprint: "")&#xA;</xsl:text>
    <xsl:call-template name="kp:book-colophon">
      <xsl:with-param name="docs" select="$docs"/>
    </xsl:call-template>
    <!-- the contents before the text: a reader finds a document of the corpus by them -->
    <xsl:text>#k.chapter("contents", </xsl:text><xsl:value-of select="kp:str(kp:l('contents'))"/>
    <xsl:text>, outlined: false)[#k.contents()]&#xA;</xsl:text>
    <!-- the text (from 1); the indexes count their pages from the page that holds <part-text> -->
    <xsl:text>#k.start-text()&#xA;#set page(numbering: "1")&#xA;#metadata(none)&lt;part-text&gt;&#xA;</xsl:text>
    <xsl:text>// @chapters&#xA;</xsl:text>
    <!-- back matter: the indexes of the whole corpus -->
    <xsl:text>#set text(lang: </xsl:text><xsl:value-of select="kp:str($kp:ui-lang)"/><xsl:text>)&#xA;</xsl:text>
    <xsl:call-template name="kp:indexes"/>
  </xsl:template>

  <!-- the colophon of the book: who made the documents' editions (each responsibility once), their licences,
       the reading edition on the web, the typeface -->
  <xsl:template name="kp:book-colophon">
    <xsl:param name="docs" as="element(tei:TEI)*"/>
    <xsl:variable name="h" select="$docs/tei:teiHeader"/>
    <xsl:variable name="resp" select="distinct-values($h/tei:fileDesc/tei:titleStmt/tei:respStmt !
        (normalize-space((tei:orgName | tei:name | tei:persName)[1]) || ': ' || normalize-space(kse:in-language(tei:resp, $lang)[1])))"/>
    <xsl:variable name="licences" select="$h/tei:fileDesc/tei:publicationStmt/tei:availability/tei:licence"/>
    <xsl:variable name="items" as="xs:string*">
      <xsl:if test="exists($resp)">
        <xsl:sequence select="kp:colophon-item(kp:l('responsibility'), string-join($resp ! kp:t(.), '#linebreak()'))"/>
      </xsl:if>
      <!-- each licence once (by its text and target) -->
      <xsl:for-each-group select="$licences" group-by="normalize-space(.) || ' ' || @target">
        <xsl:sequence select="kp:colophon-item(kp:l('licence'), string-join((kp:prose(.), @target ! ('#linebreak()' || kp:t(.)))))"/>
      </xsl:for-each-group>
      <xsl:if test="matches($edition-url, '^https?://[^\s]+$')">
        <xsl:sequence select="kp:colophon-item(kp:l('online-edition'), '#link(' || kp:str($edition-url) || ')[' || kp:t($edition-url) || ']')"/>
      </xsl:if>
      <xsl:sequence select="kp:colophon-item(kp:l('typeset'),
          kp:t($typeface || '. ' || kp:l('generated') || ' (kse-edition-tools, Typst).'))"/>
    </xsl:variable>
    <xsl:text>#k.colophon[</xsl:text><xsl:value-of select="$items" separator=""/><xsl:text>]&#xA;</xsl:text>
  </xsl:template>
</xsl:stylesheet>
