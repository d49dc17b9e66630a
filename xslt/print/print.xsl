<?xml version="1.0" encoding="UTF-8"?>
<!--
  print.xsl — the print edition: TEI → one HTML document for paged media (WeasyPrint + print.css).

  WHAT: a book. The front matter, paged in roman numerals: title page and colophon (from the teiHeader), the
  editorial introduction (the header's project description, sources and editorial principles, with the
  statistics of the markup), sigla and abbreviations (the org register's abbreviated names and the article's
  general abbreviations), a chronology of the dates in the text (by paragraph). The text, paged from 1, with
  paragraph numbers and the critical apparatus as page-foot notes. The back matter: the indexes of persons
  and places (organisations on request) and the contents.
  HOW: the editorial logic (which reading is shown, what an intervention is and its number, register
  lookups, date formats, labels) comes from ../common/common.xsl; the modules here only render it:
    print_front.xsl  title page, colophon, introduction, sigla and abbreviations
    print_text.xsl   the text and its apparatus (one page-foot note per intervention)
    print_back.xsl   chronology, indexes and contents; the indexes with page numbers measured by the renderer
  The front matter is paged apart (as academic presses do) so that the text's page numbers, which readers
  cite, do not move when the introduction is revised; it also lets tools/build_pdf.py lay the front matter
  out beside the text. The builder runs this stylesheet once per part: part=front, part=text, and, once
  the text is laid out, part=back with page-map = the page of every anchor of the text and front-pages =
  the (roman) page of each front section. With part=all (the default) the whole book is written in one go
  and the indexes use CSS target-counter() instead (one number per occurrence, not deduplicated).
  HTML class names used by print.css: titlepage, colophon, front, text, back, para, pn, app, name, date,
  index-entry, pages, chronology, abbr.
  USAGE: tools.build_pdf.build_pdf(); by hand: saxon -xsl:print.xsl -s:edition.xml part=all
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
  <xsl:import href="print_front.xsl"/>
  <xsl:import href="print_text.xsl"/>
  <xsl:import href="print_back.xsl"/>

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no" include-content-type="no"/>

  <!-- Labels only the print edition uses (the shared ones, book matter included, are in ../common/common_labels.xsl). -->
  <xsl:variable name="kse:label-table" as="map(*)" select="map:merge(($kse:common-labels, map{
    'index-note':      map{'kk': 'Сандар мәтіннің беттерін көрсетеді.', 'en': 'Numbers refer to pages of the text.'},
    'app-explain':     map{'kk': 'Аппарат (беттің астында): ¶ абзац нөмірі; түзетудің мәтіндегі нөмірі; түзетілген оқылым] нұсқадағы оқылым, нұсқаның белгісі; сенімділігі жоғары емес түзетулерде сенімділік дәрежесі; редакциялық ескертпелер.',
                           'en': 'Apparatus (at the foot of the page): ¶ paragraph number; the number of the intervention, as in the text; corrected reading] reading of the witness, siglum; the certainty where it is not high; editorial notes.'},
    'typeset':         map{'kk': 'Әріп түрі',                         'en': 'Typeface'},
    'contents':        map{'kk': 'Мазмұны',                           'en': 'Contents'},
    'index-in-text':   map{'kk': 'мәтінде',                           'en': 'in the text'}
  }), map{'duplicates': 'use-last'})"/>

  <xsl:template match="/">
    <html lang="{(tei:TEI/@xml:lang, $lang)[1]}">
      <head>
        <meta charset="utf-8"/>
        <title><xsl:value-of select="kp:main-title(.)"/></title>
        <meta name="author" content="{normalize-space((//tei:titleStmt/tei:respStmt[@xml:id = 'ed']/(tei:orgName | tei:name | tei:persName))[1])}"/>
        <meta name="description" content="{normalize-space(//tei:titleStmt/tei:title[@type = 'sub'])}"/>
        <meta name="generator" content="kse-edition-tools (print.xsl, WeasyPrint)"/>
        <meta name="dcterms.created" content="{(//tei:publicationStmt/tei:date/@when)[1]}"/>
      </head>
      <body class="part-{$part}" data-title="{kp:main-title(.)}">
        <xsl:if test="$part = ('all', 'front')">
          <xsl:call-template name="kp:title-page"/>
          <xsl:call-template name="kp:colophon"/>
          <xsl:call-template name="kp:introduction"/>
          <xsl:call-template name="kp:abbreviations"/>
          <xsl:call-template name="kp:chronology"/>
        </xsl:if>
        <xsl:if test="$part = ('all', 'text')">
          <xsl:apply-templates select="tei:TEI/tei:text" mode="kp:text"/>
        </xsl:if>
        <xsl:if test="$part = ('all', 'back')">
          <xsl:call-template name="kp:indexes"/>
          <xsl:call-template name="kp:contents"/>
        </xsl:if>
      </body>
    </html>
  </xsl:template>

  <xsl:function name="kp:main-title" as="xs:string">
    <xsl:param name="root" as="node()"/>
    <xsl:sequence select="normalize-space(($root//tei:titleStmt/tei:title[@type = 'main'], $root//tei:titleStmt/tei:title)[1])"/>
  </xsl:function>

  <xsl:function name="kp:l" as="xs:string">
    <xsl:param name="key" as="xs:string"/>
    <xsl:sequence select="kse:label($key, $lang)"/>
  </xsl:function>
</xsl:stylesheet>
