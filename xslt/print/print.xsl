<?xml version="1.0" encoding="UTF-8"?>
<!--
  print.xsl — the print edition: TEI → one Typst document, set by Typst (tools/targets/pdf.py) into a PDF.

  WHAT: a book. The front matter, paged in roman numerals: title page and colophon (from the teiHeader), the
  editorial introduction (the header's project description, sources and editorial principles, with the
  statistics of the markup), sigla and abbreviations, a chronology of the dates in the text (by paragraph),
  a manuscript description when the header has one. The text, paged from 1, with paragraph and line numbers
  in the margin and the critical apparatus at the foot of the page. The back matter: the indexes of persons
  and places (organisations on request) and the contents, their page numbers found by Typst in the same
  compile (queries of labels the text carries).
  HOW: the editorial logic (which reading is shown, what an intervention is and its number, register
  lookups, date formats, labels) comes from ../common/common.xsl; the modules here only render it:
    print_typst.xsl  the escaping of TEI text into Typst (kp:str) and helpers to write calls
    print_front.xsl  title page, colophon, introduction, sigla and abbreviations, manuscript description
    print_text.xsl   the text and its apparatus (one page-foot entry per intervention)
    print_core.xsl   TEI structures beyond the edition's own (verse, drama, letters, lists, tables, notes …)
    print_math.xsl   MathML as Typst math
    print_back.xsl   chronology, indexes and contents
    print_commentary.xsl  the commentary (the second series of notes) and the works it cites
  The page design is the Typst template kse.typ (imported by the document as "/kse.typ"): this stylesheet
  writes only calls of its functions, with all TEI text as Typst strings.
  USAGE: tools.targets.pdf.build_pdf(); by hand: saxon -xsl:print.xsl -s:edition.xml > book.typ, then
  typst compile (root xslt/print, font path /usr/share/fonts/truetype/noto) book.typ
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:kse="urn:kse:xslt"
  xmlns:kp="urn:kse:print"
  exclude-result-prefixes="#all">

  <xsl:import href="../common/common.xsl"/>
  <xsl:import href="print_param.xsl"/>
  <xsl:import href="print_typst.xsl"/>
  <xsl:import href="print_core.xsl"/>
  <xsl:import href="print_math.xsl"/>
  <xsl:import href="print_front.xsl"/>
  <xsl:import href="print_text.xsl"/>
  <xsl:import href="print_back.xsl"/>
  <xsl:import href="print_commentary.xsl"/>

  <xsl:output method="text" encoding="UTF-8"/>

  <!-- The labels, those only the print edition uses included, are data: ../common/labels/*.json (kse:label). -->

  <xsl:variable name="kp:doc-lang" as="xs:string"
                select="(kp:lang-code((/tei:TEI/tei:text/@xml:lang, /tei:TEI/@xml:lang)[1])[. != ''], $kp:ui-lang)[1]"/>
  <!-- the language of the labels as Typst takes it (the parameter is the user's: never passed on unchecked) -->
  <xsl:variable name="kp:ui-lang" as="xs:string" select="(kp:lang-code($lang)[. != ''], 'kk')[1]"/>

  <!-- chapter: set by the builder of a book of the corpus (tools/targets/pdf.py, print_book.xsl), never by a
       user (not in print_param.xsl): the chapter's id ("c3"). The document is then written as one chapter of
       the book — its title, text, apparatus and commentary, no front or back matter — with its labels scoped by
       that id (the apparatus numbers restart in each chapter: they are the numbers of the document's own
       HTML edition, so that a reader citing "note 12" of a document finds it in both). -->
  <xsl:param name="chapter" as="xs:string" select="''"/>
  <xsl:variable name="kp:scope-arg" as="xs:string" select="if ($chapter != '') then ', scope: ' || kp:str-raw($chapter || '-') else ''"/>

  <xsl:template match="/" priority="2">
    <xsl:choose>
      <xsl:when test="$chapter != ''">
        <xsl:text>// chapter </xsl:text><xsl:value-of select="$chapter"/><xsl:text>&#xA;#pagebreak(weak: true)&#xA;#set text(lang: </xsl:text>
        <xsl:value-of select="kp:str($kp:doc-lang)"/><xsl:text>)&#xA;</xsl:text>
        <xsl:apply-templates select="tei:TEI/tei:text" mode="kp:text"/>
        <xsl:call-template name="kp:commentary"/>
      </xsl:when>
      <xsl:otherwise><xsl:next-match/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="/">
    <xsl:variable name="h" select="/tei:TEI/tei:teiHeader"/>
    <xsl:text>// Written by xslt/print/print.xsl from the TEI: calls of the template kse.typ, all text as strings.&#xA;</xsl:text>
    <xsl:text>#import "/kse.typ" as k&#xA;</xsl:text>
    <xsl:text>#show: k.book.with(title: </xsl:text><xsl:value-of select="kp:str(kp:main-title(.))"/>
    <xsl:text>, subtitle: </xsl:text><xsl:value-of select="kp:str(string-join($h/tei:fileDesc/tei:titleStmt/tei:title[@type = 'sub'] ! normalize-space(.), ' — '))"/>
    <xsl:text>, author: </xsl:text><xsl:value-of select="kp:array(distinct-values(($h/tei:fileDesc/tei:titleStmt/(tei:author, tei:editor, tei:respStmt[@xml:id = 'ed']/(tei:orgName | tei:name | tei:persName)[1])) ! normalize-space(.)[. != '']) ! kp:str(.))"/>
    <xsl:text>, keywords: </xsl:text><xsl:value-of select="kp:array(distinct-values($h/tei:profileDesc/tei:textClass/tei:keywords/tei:term ! normalize-space(.)[. != '']) ! kp:str(.))"/>
    <xsl:text>, date: </xsl:text><xsl:value-of select="kp:date-value(($h/tei:fileDesc/tei:publicationStmt/tei:date/(@when, .))[1])"/>
    <xsl:text>, lang: </xsl:text><xsl:value-of select="kp:str($kp:doc-lang)"/>
    <xsl:text>, line-key: </xsl:text><xsl:value-of select="$apparatus-key = 'line'"/>
    <xsl:text>)&#xA;</xsl:text>
    <!-- front matter (roman numerals), in the language of the labels (the book's language, kp:doc-lang, is
         the text's: the PDF's language, and the text's direction and hyphenation) -->
    <xsl:sequence select="kp:set-language($kp:ui-lang)[$kp:ui-lang != $kp:doc-lang]"/>
    <xsl:call-template name="kp:title-page"/>
    <xsl:call-template name="kp:colophon"/>
    <xsl:call-template name="kp:introduction"/>
    <xsl:call-template name="kp:abbreviations"/>
    <xsl:call-template name="kp:ms-descriptions"/>
    <xsl:call-template name="kp:chronology"/>
    <!-- the text (from 1) -->
    <xsl:text>#k.start-text()&#xA;#set page(numbering: "1")&#xA;</xsl:text>
    <xsl:sequence select="kp:set-language($kp:doc-lang)[$kp:ui-lang != $kp:doc-lang]"/>
    <xsl:apply-templates select="tei:TEI/tei:text" mode="kp:text"/>
    <!-- back matter: the labels' language again -->
    <xsl:sequence select="kp:set-language($kp:ui-lang)[$kp:ui-lang != $kp:doc-lang]"/>
    <xsl:call-template name="kp:commentary"/>
    <xsl:call-template name="kp:indexes"/>
    <xsl:call-template name="kp:contents"/>
  </xsl:template>

  <!-- a date for the PDF's metadata: datetime(…) from an ISO year/month/day, else none -->
  <xsl:function name="kp:date-value" as="xs:string">
    <xsl:param name="v" as="item()?"/>
    <xsl:variable name="s" select="normalize-space(string($v))"/>
    <xsl:sequence select="if (($s castable as xs:date or $s castable as xs:gYearMonth or $s castable as xs:gYear) and matches($s, '^\d{4}(-\d\d){0,2}$'))
        then let $p := tokenize($s, '-') return
             'datetime(year: ' || xs:integer($p[1]) || ', month: ' || ($p[2] ! xs:integer(.), 1)[1]
             || ', day: ' || ($p[3] ! xs:integer(.), 1)[1] || ')'
        else 'none'"/>
  </xsl:function>

  <xsl:function name="kp:main-title" as="xs:string">
    <xsl:param name="root" as="node()"/>
    <!-- never empty: a heading without text is refused in an accessible PDF (and a reader needs a title) -->
    <xsl:sequence select="(($root//tei:titleStmt/tei:title[@type = 'main'], $root//tei:titleStmt/tei:title,
                             $root//tei:text//tei:head) ! normalize-space(.)[. != ''], kp:l('text'))[1]"/>
  </xsl:function>

  <xsl:function name="kp:l" as="xs:string">
    <xsl:param name="key" as="xs:string"/>
    <xsl:sequence select="kse:label($key, $lang)"/>
  </xsl:function>
</xsl:stylesheet>
