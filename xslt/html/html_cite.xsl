<?xml version="1.0" encoding="UTF-8"?>
<!--
  html_cite.xsl — "cite this" for the edition and for each paragraph: the citation box of the title page,
  cite.html (one section per paragraph: its permalink and its citation in every format) and the files
  cite/KEY.bib, .ris, .json (CSL-JSON) and cite/KEY-paragraphs.* for reference managers.

  The citations themselves are the common layer's (kse:cite, common_cite.xsl); this module only shows them.
  URL AND DAY OF ACCESS. The permalink is built on the parameter edition-url (the public address of the
  site) when it is given. On the pages the URL and the day of access are written in spans (cite-url,
  cite-date with the form of the date) that edition.js fills with the address the page is read at (when
  it is served over http(s) and no edition-url was given) and with the reader's own day; without
  JavaScript they hold the permalink (or the page's relative address) and the day the site was built.
  The files, which no script touches, hold the permalink only when edition-url is given, and the day of
  the build.
  A paragraph's number in text.html is its permalink; once followed (the paragraph is the :target), a
  link "cite ¶ N" beside it leads to its section of cite.html.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:fn="http://www.w3.org/2005/xpath-functions"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:kse="urn:kse:xslt"
  xmlns:h="urn:kse:html"
  exclude-result-prefixes="#all">

  <!-- the base of every permalink ('' = not known: pages then show relative addresses, files none) -->
  <xsl:variable name="h:base-url" as="xs:string"
    select="if (matches($edition-url, '^https?://\S+$')) then replace($edition-url, '/+$', '') || '/' else ''"/>
  <xsl:variable name="h:cite-key" as="xs:string" select="kse:cite-meta($kse:principal-root)?key"/>
  <!-- the citable paragraphs: the numbered paragraphs of the text (the same blocks as the search index) -->
  <xsl:variable name="h:cite-paras" as="element()*"
    select="$kse:principal-root//tei:text//tei:p[kse:is-block(.)]
            [not(ancestor::tei:note or ancestor::tei:teiHeader or ancestor::tei:cell or ancestor::tei:item or ancestor::tei:quote)]
            [$show-residue = 'yes' or empty(ancestor::tei:div[@type = 'residue'])]"/>
  <xsl:variable name="h:cite-files" as="xs:string*"
    select="($h:cite-key || '.bib', $h:cite-key || '.ris', $h:cite-key || '.json') ! ('cite/' || .),
            (if (exists($h:cite-paras)) then ($h:cite-key || '-paragraphs.bib', $h:cite-key || '-paragraphs.ris', $h:cite-key || '-paragraphs.json') ! ('cite/' || .) else ())"/>

  <!-- the relative address of a paragraph (or of the edition) on this site -->
  <xsl:function name="h:cite-rel" as="xs:string">
    <xsl:param name="p" as="element()?"/>
    <xsl:sequence select="if (empty($p)) then 'index.html' else 'text.html#' || kse:block-id($p)"/>
  </xsl:function>
  <xsl:function name="h:cite-part" as="map(*)?">
    <xsl:param name="p" as="element()?"/>
    <xsl:sequence select="$p ! map{'n': kse:block-number(.)}"/>
  </xsl:function>

  <!-- a citation on a page: the markers of kse:cite replaced by the spans edition.js fills -->
  <xsl:function name="h:cite-html" as="node()*">
    <xsl:param name="format" as="xs:string"/>
    <xsl:param name="lang" as="xs:string"/>
    <xsl:param name="p" as="element()?"/>
    <xsl:variable name="rel" select="h:cite-rel($p)"/>
    <xsl:variable name="s" select="kse:cite($kse:principal-root, $format, $lang, h:cite-part($p), kse:cite-marker('url'), kse:cite-marker('date'))"/>
    <xsl:for-each select="analyze-string($s, '&#xE000;|&#xE001;(\w+)&#xE002;')/*">
      <xsl:choose>
        <xsl:when test="self::fn:non-match"><xsl:value-of select="."/></xsl:when>
        <xsl:when test=". = '&#xE000;'">
          <span class="cite-url" data-rel="{$rel}"><xsl:value-of select="if ($h:base-url != '') then $h:base-url || (if (empty($p)) then '' else $rel) else $rel"/></span>
        </xsl:when>
        <xsl:otherwise>
          <xsl:variable name="form" select="string(fn:group[@nr = 1])"/>
          <span class="cite-date" data-form="{$form}" data-lang="{$lang}"><xsl:value-of select="kse:cite-date(($build-date[. != ''], '1970-01-01')[1], $form, $lang)"/></span>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:function>

  <!-- a citation for a file: the permalink when known, the day of the build -->
  <xsl:function name="h:cite-file" as="xs:string">
    <xsl:param name="format" as="xs:string"/>
    <xsl:param name="p" as="element()?"/>
    <xsl:sequence select="kse:cite($kse:principal-root, $format, $lang, h:cite-part($p),
                            if ($h:base-url != '') then $h:base-url || (if (empty($p)) then '' else h:cite-rel($p)) else '',
                            ($build-date[. != ''], '1970-01-01')[1])"/>
  </xsl:function>

  <!-- the formats, in the order shown; the main one of each interface language comes first -->
  <xsl:variable name="h:cite-formats" as="map(*)*" select="(
      map{'key': 'gost-kk', 'format': 'gost', 'lang': 'kk'},
      map{'key': 'gost-ru', 'format': 'gost', 'lang': 'ru'},
      map{'key': 'cite-text', 'format': 'text', 'lang': 'en'},
      map{'key': 'BibTeX', 'format': 'bibtex', 'lang': $lang, 'ext': 'bib'},
      map{'key': 'RIS', 'format': 'ris', 'lang': $lang, 'ext': 'ris'},
      map{'key': 'CSL-JSON', 'format': 'csl-json', 'lang': $lang, 'ext': 'json'})"/>
  <!-- the reference shown first in an interface language: ГОСТ in Kazakh or Russian, else the plain one -->
  <xsl:function name="h:main-format" as="map(*)">
    <xsl:param name="l" as="xs:string"/>
    <xsl:sequence select="($h:cite-formats[?format = 'gost'][?lang = $l], $h:cite-formats[?format = 'text'])[1]"/>
  </xsl:function>

  <!-- the citation box: the main reference in the interface language (switching with it), then every format -->
  <xsl:template name="h:cite-box">
    <xsl:param name="p" as="element()?" select="()"/>
    <xsl:param name="files" as="xs:boolean" select="false()"/>
    <xsl:variable name="id" select="if (empty($p)) then 'edition' else kse:block-id($p)"/>
    <div class="cite-box">
      <div class="versions cite-main" data-versions="{string-join($kse:languages, ' ')}">
        <xsl:for-each select="$kse:languages">
          <xsl:variable name="f" select="h:main-format(.)"/>
          <blockquote class="version citation" data-version="{.}" lang="{$f?lang}">
            <xsl:if test=". != $lang"><xsl:attribute name="hidden" select="'hidden'"/></xsl:if>
            <xsl:sequence select="h:cite-html($f?format, $f?lang, $p)"/>
          </blockquote>
        </xsl:for-each>
      </div>
      <xsl:for-each select="$h:cite-formats">
        <details class="cite-format">
          <summary>
            <xsl:choose>
              <xsl:when test="?format = ('gost', 'text')"><xsl:sequence select="h:t(?key)"/></xsl:when>
              <xsl:otherwise><xsl:value-of select="?key"/></xsl:otherwise>
            </xsl:choose>
          </summary>
          <pre id="cite-{$id}-{?format}-{?lang}" class="cite-text">
            <xsl:if test="?format = ('gost', 'text')"><xsl:attribute name="lang" select="?lang"/></xsl:if>
            <xsl:sequence select="h:cite-html(?format, ?lang, $p)"/>
          </pre>
          <p class="cite-actions">
            <button type="button" class="cite-copy" data-copy="cite-{$id}-{?format}-{?lang}" hidden="hidden"><xsl:sequence select="h:t('copy')"/></button>
            <xsl:if test="$files and exists(?ext)">
              <a href="cite/{$h:cite-key}.{?ext}" download=""><xsl:sequence select="h:t('download-file')"/> (.<xsl:value-of select="?ext"/>)</a>
            </xsl:if>
          </p>
        </details>
      </xsl:for-each>
    </div>
  </xsl:template>

  <!-- beside a paragraph's number in text.html, shown when the paragraph is the target of the URL -->
  <xsl:template name="h:cite-link">
    <xsl:param name="h:script" tunnel="yes" as="xs:string" select="''"/>
    <xsl:if test="$h:script = '' and exists(. intersect $h:cite-paras)">
      <!-- no text of its own (the text of a paragraph stays its text when copied or searched): CSS shows the title -->
      <a class="pcite" href="cite.html#cite-{kse:block-id(.)}"><xsl:sequence select="h:label-attr-n('aria-label', 'cite-paragraph', kse:block-number(.)), h:label-attr('title', 'cite')"/></a>
    </xsl:if>
  </xsl:template>

  <!-- cite.html -->
  <xsl:template name="h:cite-page">
    <h1><xsl:sequence select="h:t('cite')"/></h1>
    <p class="hint"><xsl:sequence select="h:t('cite-help')"/></p>
    <section class="cite-edition" id="cite-edition">
      <h2><xsl:sequence select="h:t('cite-edition')"/></h2>
      <xsl:call-template name="h:cite-box"><xsl:with-param name="files" select="true()"/></xsl:call-template>
    </section>
    <xsl:if test="exists($h:cite-paras)">
      <section class="cite-paragraphs">
        <h2><xsl:sequence select="h:t('cite-paragraphs')"/></h2>
        <p class="hint"><xsl:sequence select="h:t('download-all')"/>:
          <xsl:for-each select="('bib', 'ris', 'json')"><xsl:text> </xsl:text><a href="cite/{$h:cite-key}-paragraphs.{.}" download="">.<xsl:value-of select="."/></a></xsl:for-each>
          <xsl:text> · </xsl:text><a class="cite-all" href="cite.html#cite-paragraphs"><xsl:sequence select="h:t('cite-all')"/></a></p>
        <xsl:for-each select="$h:cite-paras">
          <section class="cite-para" id="cite-{kse:block-id(.)}">
            <h3><a href="{h:cite-rel(.)}"><xsl:value-of select="'¶&#xA0;' || kse:block-number(.)"/></a>
              <xsl:text> </xsl:text><span class="cite-incipit" lang="{$h:text-lang}"><xsl:value-of select="h:incipit(.)"/></span></h3>
            <xsl:call-template name="h:cite-box"><xsl:with-param name="p" select="."/></xsl:call-template>
          </section>
        </xsl:for-each>
      </section>
    </xsl:if>
  </xsl:template>
  <!-- the first words of a paragraph's reading text -->
  <xsl:function name="h:incipit" as="xs:string">
    <xsl:param name="p" as="element()"/>
    <xsl:variable name="words" select="tokenize(normalize-space(kse:text($p, 'reading')))"/>
    <xsl:sequence select="string-join(subsequence($words, 1, 8), ' ') || (if (count($words) gt 8) then ' …' else '')"/>
  </xsl:function>

  <!-- the files for reference managers -->
  <xsl:template name="h:cite-files">
    <xsl:for-each select="('bibtex', 'ris', 'csl-json')">
      <xsl:variable name="format" select="."/>
      <xsl:variable name="ext" select="map{'bibtex': 'bib', 'ris': 'ris', 'csl-json': 'json'}($format)"/>
      <xsl:result-document href="cite/{$h:cite-key}.{$ext}" method="text" encoding="UTF-8">
        <xsl:value-of select="if ($format = 'csl-json') then '[' || h:cite-file($format, ()) || ']&#10;' else h:cite-file($format, ())"/>
      </xsl:result-document>
      <xsl:if test="exists($h:cite-paras)">
        <xsl:result-document href="cite/{$h:cite-key}-paragraphs.{$ext}" method="text" encoding="UTF-8">
          <xsl:choose>
            <xsl:when test="$format = 'csl-json'"><xsl:value-of select="'[' || string-join($h:cite-paras ! h:cite-file($format, .), ',&#10;') || ']&#10;'"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="string-join($h:cite-paras ! h:cite-file($format, .), '&#10;')"/></xsl:otherwise>
          </xsl:choose>
        </xsl:result-document>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
