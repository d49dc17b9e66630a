<?xml version="1.0" encoding="UTF-8"?>
<!--
  html_pages.xsl — the pages of the site: the frame every page shares, the title page with the editorial
  introduction (all from the teiHeader), the text page with the view switch, the search page, and the
  generated labels script. (The search index is not made here: tools/targets/search_index.py splits it,
  from the blocks html_contrib.xsl lists.)

  Every page is one xsl:result-document, written next to the principal output (the builder sets the
  base output URI to the site folder). Pages link to each other by relative URLs, and to nothing outside
  the site, so the site works from file:// and from any static host.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:kse="urn:kse:xslt"
  xmlns:h="urn:kse:html"
  exclude-result-prefixes="#all">

  <xsl:output name="h:html" method="html" html-version="5" encoding="UTF-8" indent="no" include-content-type="no"/>
  <xsl:output name="h:js" method="text" encoding="UTF-8"/>

  <!-- the language of the title: its own, else the header's, else the text's -->
  <xsl:variable name="h:title-lang" as="xs:string"
    select="string(((//tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title[@type = 'main'], //tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title)[1]/ancestor-or-self::*[@xml:lang][1]/@xml:lang, $h:text-lang)[1])"/>
  <xsl:variable name="h:title" as="xs:string"
    select="normalize-space((//tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title[@type = 'main'],
                             //tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title, 'TEI')[1])"/>

  <!-- the title in an interface language: a main or alternative title in that language, else the main title -->
  <xsl:function name="h:title-in" as="xs:string">
    <xsl:param name="l" as="xs:string"/>
    <xsl:sequence select="normalize-space(($kse:principal-root//tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title[@type = ('main', 'alt')][kse:lang-of(.) = $l], $h:title)[1])"/>
  </xsl:function>
  <!-- The way from a page to the root of the site, and the site-relative address of the title page: with one
       document the document's pages are the site; a corpus build (html_corpus_doc.xsl) puts each document's
       pages in a folder of its own under the corpus's pages and overrides both. Nav entries with 'doc' are
       pages of the document (addressed from the page); the others are pages of the site (from its root). -->
  <xsl:variable name="h:site-root" as="xs:string" select="''"/>
  <xsl:variable name="h:home" as="xs:string" select="'index.html'"/>

  <!-- which optional pages this document has -->
  <xsl:variable name="h:registers" as="xs:string*"
    select="('persons', 'places', 'orgs')[exists(kse:entries($kse:principal-root, .))]"/>
  <xsl:variable name="h:has-dates" as="xs:boolean" select="exists(kse:dates(/))"/>
  <xsl:variable name="h:has-apparatus" as="xs:boolean" select="exists(kse:interventions(/))"/>

  <xsl:variable name="h:nav" as="map(xs:string, xs:string)*" select="(
    map{'file': 'index.html', 'key': 'home'},
    map{'file': 'text.html', 'key': 'text'},
    map{'file': 'apparatus.html', 'key': 'apparatus'}[$h:has-apparatus],
    map{'file': 'commentary.html', 'key': 'commentary'}[$h:has-commentary],
    map{'file': 'bibliography.html', 'key': 'bibliography'}[$h:has-bibliography],
    map{'file': 'witnesses.html', 'key': 'witnesses'}[$h:has-witnesses],
    $h:registers ! map{'file': . || '.html', 'key': .},
    map{'file': 'chronology.html', 'key': 'chronology'}[$h:has-dates],
    map{'file': 'search.html', 'key': 'search'})"/>

  <!-- the frame of every page -->
  <xsl:template name="h:page">
    <xsl:param name="file" as="xs:string"/>
    <xsl:param name="key" as="xs:string"/>
    <xsl:param name="nav" as="xs:string" select="$key"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:param name="scripts" as="xs:string*" select="()"/>
    <xsl:param name="root" as="xs:string" select="$h:site-root"/>
    <xsl:param name="head" as="node()*" select="()"/>
    <xsl:result-document href="{$file}" format="h:html">
      <!-- lang: the interface language; dir: the text's, when it is written right to left (the interface
           parts then get their own dir) -->
      <html lang="{$lang}" class="no-js" dir="{if ($h:text-dir = 'rtl') then 'rtl' else kse:dir($lang)}">
        <head>
          <meta charset="utf-8"/>
          <meta name="viewport" content="width=device-width, initial-scale=1"/>
          <title><xsl:sequence select="h:by-lang(function($l) { (if ($key = 'home') then () else kse:label($key, $l) || ' · ') || h:title-in($l) })"/></title>
          <meta name="generator" content="kse-edition-tools (XSLT 3.0)"/>
          <link rel="stylesheet" href="{$root}assets/edition.css"/>
          <xsl:call-template name="h:head-extra"><xsl:with-param name="root" select="$root"/></xsl:call-template>
          <script>document.documentElement.className = 'js';</script>
          <script src="{$root}assets/labels.js" defer="defer"></script>
          <script src="{$root}assets/edition.js" defer="defer"></script>
          <xsl:for-each select="$scripts"><script src="{$root}{.}" defer="defer"></script></xsl:for-each>
          <xsl:sequence select="$head"/>
        </head>
        <body class="page-{$key}">
          <a class="skip" href="#main"><xsl:sequence select="h:t('skip')"/></a>
          <header class="site-header">
            <xsl:if test="$h:text-dir != kse:dir($lang)"><xsl:attribute name="dir" select="kse:dir($lang)"/></xsl:if>
            <div class="site-brand">
              <a href="{$root}{$h:home}" class="site-title" lang="{$h:title-lang}" dir="{kse:dir($h:title-lang)}"><xsl:value-of select="$h:title"/></a>
              <span class="site-kind"><xsl:sequence select="h:t('edition')"/></span>
            </div>
            <nav class="site-nav">
              <xsl:sequence select="h:label-attr('aria-label', 'site-menu')"/>
              <ul>
                <xsl:for-each select="$h:nav">
                  <li><a href="{(if (.?doc) then '' else $root) || ?file}">
                    <xsl:if test="?key = $nav"><xsl:attribute name="aria-current" select="'page'"/></xsl:if>
                    <xsl:sequence select="h:t(?key)"/></a></li>
                </xsl:for-each>
              </ul>
            </nav>
            <div class="site-tools">
              <form class="quick-search" action="{$root}search.html" method="get" role="search">
                <xsl:sequence select="h:label-attr('aria-label', 'search-site')"/>
                <input type="search" name="q">
                  <xsl:sequence select="h:label-attr('aria-label', 'search'), h:label-attr('placeholder', 'search-hint')"/>
                </input>
              </form>
              <!-- one button per interface language, named in that language; edition.js makes them work -->
              <xsl:if test="count($kse:languages) gt 1">
                <div class="lang-switch" role="group" data-lang-switch="">
                  <xsl:sequence select="h:label-attr('aria-label', 'language')"/>
                  <xsl:for-each select="$kse:languages">
                    <button type="button" data-lang="{.}" lang="{.}" dir="{kse:dir(.)}" aria-pressed="{. = $lang}">
                      <xsl:value-of select="kse:label('language-name', .)"/>
                    </button>
                  </xsl:for-each>
                </div>
              </xsl:if>
            </div>
          </header>
          <main id="main" tabindex="-1">
            <xsl:sequence select="$content"/>
          </main>
          <footer class="site-footer">
            <xsl:if test="$h:text-dir != kse:dir($lang)"><xsl:attribute name="dir" select="kse:dir($lang)"/></xsl:if>
            <p><span lang="{$h:title-lang}" dir="{kse:dir($h:title-lang)}"><xsl:value-of select="$h:title"/></span>
              <xsl:for-each select="//tei:publicationStmt/tei:publisher[1]"> · <span><xsl:sequence select="h:lang(.)"/><xsl:value-of select="normalize-space(.)"/></span></xsl:for-each>
              <xsl:text> · </xsl:text><a href="cite.html"><xsl:sequence select="h:t('cite')"/></a>
              <xsl:if test="$pdf-href != ''"> · <a href="{$pdf-href}"><xsl:sequence select="h:t('pdf')"/></a></xsl:if>
              <xsl:if test="$source-href != ''"> · <a href="{$source-href}" download=""><xsl:sequence select="h:t('download')"/></a></xsl:if>
            </p>
            <p class="generated"><xsl:sequence select="h:t('generated')"/><xsl:if test="$build-date != ''"> · <xsl:value-of select="$build-date"/></xsl:if></p>
          </footer>
        </body>
      </html>
    </xsl:result-document>
  </xsl:template>

  <!-- ============ index.html: title page and editorial introduction ============ -->
  <xsl:template name="h:index-page">
    <xsl:variable name="fd" select="//tei:teiHeader/tei:fileDesc"/>
    <xsl:variable name="stats" select="kse:stats(/)"/>
    <header class="titlepage">
      <p class="kicker"><xsl:sequence select="h:t('edition')"/></p>
      <h1 lang="{$h:title-lang}" dir="{kse:dir($h:title-lang)}"><xsl:value-of select="$h:title"/></h1>
      <xsl:for-each select="$fd/tei:titleStmt/tei:title[@type = 'sub'] | $fd/tei:titleStmt/tei:title[not(@type)][position() gt 1]">
        <p class="subtitle"><xsl:call-template name="h:common-attrs"/><xsl:apply-templates/></p>
      </xsl:for-each>
      <xsl:for-each select="$fd/tei:titleStmt/(tei:author | tei:editor)">
        <p class="byline"><xsl:sequence select="h:lang(.)"/><xsl:apply-templates/></p>
      </xsl:for-each>
      <p class="imprint">
        <xsl:sequence select="h:lang($fd/tei:editionStmt/tei:edition)"/>
        <xsl:value-of select="string-join((
          $fd/tei:editionStmt/tei:edition ! normalize-space(.),
          $fd/tei:publicationStmt/(tei:publisher, tei:distributor, tei:authority)[1] ! normalize-space(.),
          $fd/tei:publicationStmt/tei:pubPlace[1] ! normalize-space(.),
          $fd/tei:publicationStmt/tei:date[1] ! normalize-space(.)), ' · ')"/>
      </p>
      <!-- the version and the state of the text, as the print edition's colophon gives them -->
      <xsl:variable name="version" select="string($fd/tei:editionStmt/tei:edition[1]/@n)"/>
      <xsl:variable name="draft" select="//tei:revisionDesc/@status = 'draft'"/>
      <xsl:variable name="revised" select="max(//tei:revisionDesc/tei:change/@when[. castable as xs:date] ! xs:date(.))"/>
      <xsl:if test="$version != '' or $draft">
        <p class="edition-status">
          <xsl:if test="$version != ''"><span><xsl:sequence select="h:t('version')"/></span><xsl:text> </xsl:text><xsl:value-of select="$version"/></xsl:if>
          <xsl:if test="$draft"><xsl:if test="$version != ''"><xsl:text> · </xsl:text></xsl:if><span class="draft"><xsl:sequence select="h:t('status-draft')"/></span></xsl:if>
          <xsl:if test="exists($revised)"><xsl:text> · </xsl:text><time datetime="{$revised}"><xsl:sequence select="h:by-lang(function($l) { kse:format-iso(string($revised), $l) })"/></time></xsl:if>
        </p>
      </xsl:if>
      <p class="cta">
        <a class="button" href="text.html"><xsl:sequence select="h:t('reading')"/></a>
        <xsl:for-each select="$h:scripts"><a class="button secondary" href="{h:script-file(.)}"><xsl:sequence select="h:t('in-script-' || .)"/></a></xsl:for-each>
        <xsl:if test="$pdf-href != ''"><a class="button secondary" href="{$pdf-href}"><xsl:sequence select="h:t('pdf')"/></a></xsl:if>
        <xsl:if test="$source-href != ''"><a class="button secondary" href="{$source-href}" download=""><xsl:sequence select="h:t('download')"/></a></xsl:if>
      </p>
    </header>

    <div class="intro">
      <nav class="intro-toc"><xsl:sequence select="h:label-attr('aria-label', 'contents')"/>
        <h2><xsl:sequence select="h:t('contents')"/></h2>
        <ol>
          <li><a href="#introduction"><xsl:sequence select="h:t('introduction')"/></a></li>
          <xsl:if test="$fd/tei:sourceDesc"><li><a href="#sources"><xsl:sequence select="h:t('sources')"/></a></li></xsl:if>
          <xsl:if test="//tei:encodingDesc/tei:editorialDecl"><li><a href="#principles"><xsl:sequence select="h:t('principles')"/></a></li></xsl:if>
          <li><a href="#statistics"><xsl:sequence select="h:t('statistics')"/></a></li>
          <li><a href="#citation"><xsl:sequence select="h:t('citation')"/></a></li>
          <li><a href="#data"><xsl:sequence select="h:t('data')"/></a></li>
        </ol>
      </nav>

      <section id="introduction">
        <h2><xsl:sequence select="h:t('introduction')"/></h2>
        <xsl:call-template name="h:versions"><xsl:with-param name="items" select="//tei:encodingDesc/tei:projectDesc/*"/></xsl:call-template>
        <xsl:if test="$fd/tei:titleStmt/tei:respStmt">
          <h3><xsl:sequence select="h:t('responsibility')"/></h3>
          <dl class="resp">
            <xsl:for-each select="$fd/tei:titleStmt/tei:respStmt">
              <dt><xsl:sequence select="h:lang((tei:name, tei:persName, tei:orgName)[1])"/><xsl:value-of select="string-join((tei:name, tei:persName, tei:orgName) ! normalize-space(.), ', ')"/></dt>
              <dd><xsl:call-template name="h:versions"><xsl:with-param name="items" select="tei:resp"/><xsl:with-param name="inline" select="true()"/></xsl:call-template></dd>
            </xsl:for-each>
          </dl>
        </xsl:if>
      </section>

      <xsl:if test="$fd/tei:sourceDesc">
        <section id="sources">
          <h2><xsl:sequence select="h:t('sources')"/></h2>
          <xsl:for-each select="$fd/tei:sourceDesc/*">
            <div class="source-desc"><xsl:call-template name="h:common-attrs"/><xsl:apply-templates select="." mode="h:source"/></div>
          </xsl:for-each>
        </section>
      </xsl:if>

      <!-- a letter's correspondence description: who sent it, from where, when; who received it -->
      <xsl:if test="//tei:profileDesc/tei:correspDesc">
        <section id="correspondence">
          <h2><xsl:sequence select="h:t('correspondence')"/></h2>
          <xsl:for-each select="//tei:profileDesc/tei:correspDesc">
            <dl class="corresp">
              <xsl:for-each select="tei:correspAction">
                <dt><xsl:sequence select="h:t(if (@type = 'received') then 'corresp-received' else 'corresp-sent')"/></dt>
                <dd><xsl:call-template name="h:common-attrs"/>
                  <xsl:for-each select="*"><xsl:if test="position() gt 1">, </xsl:if><xsl:apply-templates select="."/></xsl:for-each></dd>
              </xsl:for-each>
              <xsl:for-each select="* except tei:correspAction"><dd><xsl:apply-templates select="."/></dd></xsl:for-each>
            </dl>
          </xsl:for-each>
        </section>
      </xsl:if>

      <xsl:if test="//tei:encodingDesc/tei:editorialDecl">
        <section id="principles">
          <h2><xsl:sequence select="h:t('principles')"/></h2>
          <xsl:for-each select="//tei:encodingDesc/tei:editorialDecl/*">
            <xsl:variable name="k" select="'ed-' || local-name()"/>
            <h3><xsl:sequence select="h:t(if (exists(kse:labels()($k))) then $k else 'ed-other')"/></h3>
            <xsl:call-template name="h:versions"><xsl:with-param name="items" select="if (tei:p) then * else ."/></xsl:call-template>
          </xsl:for-each>
        </section>
      </xsl:if>

      <section id="statistics">
        <h2><xsl:sequence select="h:t('statistics')"/></h2>
        <table class="stats">
          <tbody>
            <!-- the same figures as `tools check` and the apparatus page: corrections (by certainty), editorial
                 notes, passages left unmended; words of the reading text of the article -->
            <xsl:for-each select="('paragraphs', 'words', 'corrections', 'cert-high', 'cert-medium', 'cert-low', 'notes', 'unmended')">
              <tr class="{.}"><td class="num"><xsl:value-of select="format-integer($stats(.), '#&#x202F;##0')"/></td><td><xsl:sequence select="h:t('st-' || .)"/></td></tr>
            </xsl:for-each>
            <xsl:for-each select="('persName', 'placeName', 'orgName')">
              <xsl:variable name="reg" select="map{'persName': 'persons', 'placeName': 'places', 'orgName': 'orgs'}(.)"/>
              <tr><td class="num"><xsl:value-of select="$stats(.)"/> (<xsl:value-of select="$stats($reg)"/>)</td>
                <td><xsl:choose>
                  <xsl:when test="$reg = $h:registers"><a href="{$h:site-root}{$reg}.html"><xsl:sequence select="h:t('st-' || $reg)"/></a></xsl:when>
                  <xsl:otherwise><xsl:sequence select="h:t('st-' || $reg)"/></xsl:otherwise>
                </xsl:choose></td></tr>
            </xsl:for-each>
            <tr><td class="num"><xsl:value-of select="$stats('dates')"/></td>
              <td><a href="{$h:site-root}chronology.html"><xsl:sequence select="h:t('st-dates')"/></a></td></tr>
            <xsl:call-template name="h:commentary-stats-rows"><xsl:with-param name="stats" select="$stats"/></xsl:call-template>
          </tbody>
        </table>
      </section>

      <!-- the article's abbreviations other than the names of organisations (those are in the register) -->
      <xsl:variable name="abbreviations" select="//tei:standOff//tei:list[@type = 'abbreviations']/tei:item[tei:abbr]"/>
      <xsl:if test="$abbreviations">
        <section id="abbreviations">
          <h2><xsl:sequence select="h:t('text-abbr')"/></h2>
          <dl class="abbr">
            <xsl:for-each select="$abbreviations">
              <xsl:sort select="kse:sort-key(normalize-space(tei:abbr))"/>
              <dt lang="{$h:text-lang}"><xsl:value-of select="normalize-space(tei:abbr)"/></dt>
              <xsl:variable name="item" select="."/>
              <dd><xsl:sequence select="h:by-lang(function($l) { normalize-space(($item/tei:expan[@xml:lang = $l],
                                          $item/tei:expan[not(@xml:lang = 'en')], $item/tei:expan)[1]) })"/></dd>
            </xsl:for-each>
          </dl>
        </section>
      </xsl:if>

      <section id="citation">
        <h2><xsl:sequence select="h:t('citation')"/></h2>
        <!-- the citation in the interface language's style, every format below it (html_cite.xsl) -->
        <xsl:call-template name="h:cite-box"><xsl:with-param name="files" select="true()"/></xsl:call-template>
        <p class="hint"><xsl:sequence select="h:t('para-cite')"/><xsl:text> </xsl:text><a href="cite.html#cite-paragraphs"><xsl:sequence select="h:t('cite-paragraphs')"/></a></p>
        <xsl:if test="$source-href != ''">
          <p><a class="button secondary" href="{$source-href}" download=""><xsl:sequence select="h:t('download')"/></a></p>
        </xsl:if>
        <xsl:for-each select="$fd/tei:publicationStmt/tei:availability">
          <h3><xsl:sequence select="h:t('licence')"/></h3>
          <xsl:for-each select="tei:licence | tei:p">
            <p class="licence"><xsl:sequence select="h:lang(.)"/><xsl:apply-templates/><xsl:if test="@target"> (<a href="{h:url(string(@target))}"><xsl:value-of select="@target"/></a>)</xsl:if></p>
          </xsl:for-each>
        </xsl:for-each>
        <xsl:if test="//tei:revisionDesc/tei:change">
          <h3 id="revisions"><xsl:sequence select="h:t('revision')"/></h3>
          <ul class="changes">
            <xsl:for-each select="//tei:revisionDesc/tei:change"><li><xsl:sequence select="h:lang(.)"/><xsl:value-of select="@when"/>: <xsl:apply-templates/></li></xsl:for-each>
          </ul>
        </xsl:if>
      </section>

      <!-- machine access (html_data.xsl): the DTS entry point, plain texts, registers, the source -->
      <section id="data">
        <h2><xsl:sequence select="h:t('data')"/></h2>
        <p class="hint"><xsl:sequence select="h:t('data-help')"/></p>
        <ul class="data-list">
          <li><a href="dts/index.json" type="application/ld+json"><xsl:sequence select="h:t('data-dts')"/></a></li>
          <li><a href="export/{$h:res}-reading.txt" type="text/plain"><xsl:sequence select="h:t('data-reading')"/></a></li>
          <li><a href="export/{$h:res}-diplomatic.txt" type="text/plain"><xsl:sequence select="h:t('data-diplomatic')"/></a></li>
          <xsl:for-each select="$h:scripts"><li><a href="export/{$h:res}-{lower-case(.)}.txt" type="text/plain"><xsl:sequence select="h:t('data-script')"/></a>
            (<span><xsl:sequence select="h:t('in-script-' || .)"/></span>)</li></xsl:for-each>
          <xsl:if test="exists($h:registers)">
            <li><span><xsl:sequence select="h:t('data-registers')"/></span>:
              <xsl:for-each select="$h:registers"><xsl:text> </xsl:text><a href="export/{.}.csv" type="text/csv"><xsl:sequence select="h:t(.)"/></a><xsl:text> ·</xsl:text></xsl:for-each>
              <xsl:text> </xsl:text><a href="export/registers.jsonld" type="application/ld+json">JSON-LD</a></li>
          </xsl:if>
          <xsl:if test="$source-href != ''"><li><a href="{$source-href}" download=""><xsl:sequence select="h:t('data-tei')"/></a></li></xsl:if>
        </ul>
      </section>
    </div>
  </xsl:template>

  <!-- Translations side by side in the header (kse:in-language): every version is written, each in an element
       with its lang; the one kse:in-language picks for the default interface language shows, the others are
       hidden until the language switch (edition.js) shows the version of the language chosen. Items all in
       one language are rendered as they are. $class: the items are rendered as p of that class (notes);
       $inline: as spans. -->
  <xsl:template name="h:versions">
    <xsl:param name="items" as="element()*"/>
    <xsl:param name="class" as="xs:string" select="''"/>
    <xsl:param name="inline" as="xs:boolean" select="false()"/>
    <xsl:variable name="langs" select="distinct-values($items ! kse:lang-of(.))"/>
    <xsl:variable name="shown" select="kse:in-language($items, $lang)"/>
    <xsl:choose>
      <xsl:when test="count($langs) le 1">
        <xsl:for-each select="$items"><xsl:call-template name="h:version-item"><xsl:with-param name="class" select="$class"/><xsl:with-param name="inline" select="$inline"/></xsl:call-template></xsl:for-each>
      </xsl:when>
      <xsl:otherwise>
        <xsl:element name="{if ($inline) then 'span' else 'div'}">
          <xsl:attribute name="class" select="'versions'"/>
          <xsl:attribute name="data-versions" select="string-join($langs, ' ')"/>
          <xsl:for-each-group select="$items" group-by="kse:lang-of(.)">
            <xsl:element name="{if ($inline) then 'span' else 'div'}">
              <xsl:attribute name="class" select="'version'"/>
              <xsl:attribute name="data-version" select="current-grouping-key()"/>
              <xsl:attribute name="lang" select="current-grouping-key()"/>
              <xsl:if test="kse:dir(current-grouping-key()) != kse:dir($lang)"><xsl:attribute name="dir" select="kse:dir(current-grouping-key())"/></xsl:if>
              <xsl:if test="not(current-group()[1] = $shown)"><xsl:attribute name="hidden" select="'hidden'"/></xsl:if>
              <xsl:for-each select="current-group()"><xsl:call-template name="h:version-item"><xsl:with-param name="class" select="$class"/><xsl:with-param name="inline" select="$inline"/></xsl:call-template></xsl:for-each>
            </xsl:element>
          </xsl:for-each-group>
        </xsl:element>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template name="h:version-item">
    <xsl:param name="class" as="xs:string"/>
    <xsl:param name="inline" as="xs:boolean"/>
    <xsl:choose>
      <xsl:when test="$inline"><span><xsl:sequence select="h:lang(.)"/><xsl:value-of select="normalize-space(.)"/></span></xsl:when>
      <xsl:when test="$class != ''"><p class="{$class}"><xsl:sequence select="h:lang(.)"/><xsl:apply-templates/></p></xsl:when>
      <xsl:otherwise><xsl:apply-templates select="."/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <!-- the lang of a header node as an attribute (the page's lang is the interface's, which switches) -->
  <xsl:function name="h:lang" as="attribute()?">
    <xsl:param name="n" as="node()?"/>
    <xsl:variable name="l" select="$n ! string(ancestor-or-self::*[@xml:lang][1]/@xml:lang)"/>
    <xsl:if test="$l != ''"><xsl:attribute name="lang" select="$l"/></xsl:if>
  </xsl:function>

  <!-- a source description: its titles, imprint and notes on one card -->
  <xsl:template match="tei:bibl | tei:biblStruct | tei:msDesc" mode="h:source">
    <p class="source-title">
      <xsl:for-each select=".//tei:title">
        <cite><xsl:call-template name="h:common-attrs"/><xsl:value-of select="normalize-space(.)"/></cite>
        <xsl:if test="position() != last()"> // </xsl:if>
      </xsl:for-each>
      <xsl:variable name="imprint" select="string-join((.//tei:pubPlace, .//tei:publisher, .//tei:date[not(ancestor::tei:note)], .//tei:biblScope[not(ancestor::tei:note)]) ! normalize-space(.), ', ')"/>
      <xsl:if test="$imprint != ''"><xsl:text>. </xsl:text><xsl:value-of select="$imprint"/>.</xsl:if>
    </p>
    <xsl:call-template name="h:versions"><xsl:with-param name="items" select="tei:note"/><xsl:with-param name="class" select="'source-note'"/></xsl:call-template>
  </xsl:template>
  <xsl:template match="*" mode="h:source"><xsl:apply-templates select="."/></xsl:template>

  <!-- a manuscript description as a catalogue entry: the shelfmark as heading, then every part of it
       (contents, items, physical description, history, additional) as labelled fields, in the order of the
       TEI; what has no label of its own is rendered as anywhere else, so no word of it is lost -->
  <xsl:template match="tei:msDesc | tei:msPart | tei:msFrag" mode="h:source" priority="2">
    <div class="msdesc">
      <xsl:call-template name="h:common-attrs"/>
      <xsl:for-each select="(tei:msIdentifier | tei:altIdentifier)[1]">
        <h3 class="ms-id"><xsl:value-of select="string-join((.//tei:settlement, .//tei:institution, .//tei:repository, .//tei:collection,
                                                                .//tei:idno, .//tei:msName) ! normalize-space(.), ', ')"/></h3>
      </xsl:for-each>
      <xsl:apply-templates select="* except (tei:msIdentifier | tei:altIdentifier)[1]" mode="h:ms"/>
    </div>
  </xsl:template>
  <xsl:template match="tei:msPart | tei:msFrag" mode="h:ms"><xsl:apply-templates select="." mode="h:source"/></xsl:template>
  <xsl:template match="*" mode="h:ms">
    <xsl:variable name="k" select="'ms-' || local-name()"/>
    <xsl:choose>
      <xsl:when test="exists(kse:labels()($k))">
        <div class="ms-field ms-{local-name()}">
          <span class="ms-label"><xsl:sequence select="h:t($k)"/></span>
          <xsl:if test="@n"><xsl:text> </xsl:text><span class="ms-n"><xsl:value-of select="@n"/></span></xsl:if>
          <xsl:text> </xsl:text>
          <xsl:apply-templates mode="h:ms"/>
        </div>
      </xsl:when>
      <xsl:otherwise><xsl:apply-templates select="."/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="text()" mode="h:ms"><xsl:value-of select="."/></xsl:template>

  <!-- in the header, names, dates and notes are plain text (no register links) -->
  <xsl:template match="tei:teiHeader//tei:persName | tei:teiHeader//tei:placeName | tei:teiHeader//tei:orgName | tei:teiHeader//tei:name | tei:teiHeader//tei:date">
    <span class="{local-name()}"><xsl:apply-templates/></span>
  </xsl:template>
  <xsl:template match="tei:teiHeader//tei:p" priority="2"><p><xsl:sequence select="h:lang(.)"/><xsl:call-template name="h:common-attrs"/><xsl:apply-templates/></p></xsl:template>
  <xsl:template match="tei:teiHeader//tei:note" priority="2"><span class="header-note"><xsl:apply-templates/></span></xsl:template>

  <!-- ============ text.html ============ -->
  <xsl:template name="h:text-page">
    <!-- the page's heading for assistive technology; the text's own heading is a heading of the text -->
    <h1 class="visually-hidden" lang="{$h:title-lang}"><xsl:value-of select="$h:title"/></h1>
    <div class="text-layout">
      <xsl:call-template name="h:witness-switch"/>
      <xsl:if test="$h:has-apparatus">
      <fieldset class="views" id="views">
        <legend><xsl:sequence select="h:t('view')"/></legend>
        <xsl:for-each select="('reading', 'diplomatic', 'apparatus')">
          <input type="radio" name="view" id="view-{.}" value="{.}">
            <xsl:if test=". = $default-view or (. = 'reading' and not($default-view = ('diplomatic', 'apparatus')))"><xsl:attribute name="checked" select="'checked'"/></xsl:if>
          </input>
          <label for="view-{.}"><xsl:sequence select="h:t(.)"/></label>
        </xsl:for-each>
        <xsl:call-template name="h:commentary-switch"/>
        <p class="view-help help-reading"><xsl:sequence select="h:t('help-reading')"/></p>
        <p class="view-help help-diplomatic"><xsl:sequence select="h:t('help-diplomatic')"/></p>
        <p class="view-help help-apparatus"><xsl:sequence select="h:t('help-apparatus')"/></p>
      </fieldset>
      </xsl:if>
      <xsl:if test="exists($h:scripts)">
        <p class="script-links">
          <xsl:for-each select="$h:scripts"><a href="{h:script-file(.)}"><xsl:sequence select="h:t('in-script-' || .)"/></a></xsl:for-each>
        </p>
      </xsl:if>
      <xsl:if test="not($h:has-apparatus)"><xsl:call-template name="h:commentary-switch"><xsl:with-param name="alone" select="true()"/></xsl:call-template></xsl:if>
      <article class="edition" lang="{$h:text-lang}" dir="{$h:text-dir}">
        <xsl:apply-templates select="/tei:TEI/tei:text | /tei:teiCorpus/tei:TEI/tei:text"/>
        <xsl:call-template name="h:footnotes"><xsl:with-param name="root" select="/"/></xsl:call-template>
      </article>
    </div>
  </xsl:template>

  <!-- the source line of the article (back/div[@type='source']) -->
  <xsl:template match="tei:div[@type = 'source']">
    <section class="source-line"><xsl:call-template name="h:common-attrs"/>
      <span class="field"><span><xsl:sequence select="h:t('source-line')"/></span>: </span>
      <xsl:apply-templates select="*/node()"/>
    </section>
  </xsl:template>
  <xsl:template match="tei:div[@type = 'source']//tei:date" priority="2"><xsl:apply-templates/></xsl:template>

  <!-- ============ search.html ============ -->
  <xsl:template name="h:search-page">
    <h1><xsl:sequence select="h:t('search')"/></h1>
    <form class="search-form" action="search.html" method="get" role="search">
      <label for="q" class="visually-hidden"><xsl:sequence select="h:t('search')"/></label>
      <input type="search" id="q" name="q" autocomplete="off"><xsl:sequence select="h:label-attr('placeholder', 'search-hint')"/></input>
      <button type="submit"><xsl:sequence select="h:t('search')"/></button>
    </form>
    <p class="hint"><xsl:sequence select="h:t('search-help')"/></p>
    <noscript><p class="warning"><xsl:value-of select="kse:label('needs-js', $lang)"/></p></noscript>
    <div id="search-results" aria-live="polite"></div>
  </xsl:template>

  <!-- the labels for the scripts: the same data as the pages (xslt/common/labels/*.json), one object per
       interface language, fallbacks filled in; JSON-serialized, so nothing in a label can break the script -->
  <xsl:template name="h:labels-js">
    <xsl:result-document href="assets/labels.js" format="h:js">
      <xsl:text>/* Generated by xslt/html/html.xsl from xslt/common/labels/*.json. */&#10;</xsl:text>
      <xsl:text>window.KSE_LABELS = </xsl:text>
      <xsl:value-of select="serialize(map:merge($kse:languages ! map{.: kse:labels-of(.)}), map{'method': 'json', 'indent': false()})"/>
      <xsl:text>;&#10;window.KSE_LANGUAGES = </xsl:text>
      <xsl:value-of select="serialize(array{$kse:languages}, map{'method': 'json'})"/>
      <xsl:text>;&#10;window.KSE_DIRS = </xsl:text>
      <xsl:value-of select="serialize(map:merge($kse:languages ! map{.: kse:dir(.)}), map{'method': 'json'})"/>
      <xsl:text>;&#10;window.KSE_DEFAULT_LANG = </xsl:text>
      <xsl:value-of select="serialize($lang, map{'method': 'json'})"/>
      <xsl:text>;&#10;</xsl:text>
    </xsl:result-document>
  </xsl:template>
</xsl:stylesheet>
