<?xml version="1.0" encoding="UTF-8"?>
<!--
  html_commentary.xsl — the historical commentary as a layer of the reading edition, its page, the
  bibliography page and the fates of persons in the register. What is commentary, the numbers, the
  languages, the passage commented on, the citation forms and the order of the bibliography come from the
  common layer (common_commentary.xsl); this module only renders.

  IN THE TEXT. A commentary note becomes a mark of its own series (a framed number in the commentary's colour,
  apart from the apparatus numbers) and its note, hidden until the mark is hovered, focused or tapped:
    <span class="cmt" id="cmt.nep">
      <a class="cmt-mark" href="commentary.html#cmt.nep" aria-label="Түсініктеме 1">1</a>
      <span class="cmt-pop"> head (number, language buttons) · one .lang-version per language · link to the page </span></span>
  Without JavaScript the mark is a link to the note on commentary.html and the note opens on hover and keyboard
  focus; assets/commentary.js opens it on a tap, keeps it inside the window, and works its language buttons.
  The checkbox #layer-commentary (in the view switch) shows or hides the layer by CSS (:has), as the views.
  LANGUAGES. A text written in several languages (a note's <p xml:lang>, an event of the register) is written
  once per language, each version marked with the interface languages that show it (data-for="kk ru", from
  kse:version-shown-for). The rules that hide the others are generated per interface language into the head
  of every page (h:head-extra), keyed on html[lang], which the language switch of edition.js sets: so the
  version follows the interface with or without JavaScript, and the other one stays one click away.
  PAGES. commentary.html: every note in text order with its paragraph, the passage it comments on (links to
  the mark and back) and its versions side by side (the interface language's first). bibliography.html: the
  works as the common layer formats them (kse:reference), each with the notes that cite it; a <ptr> to a work
  anywhere becomes its short citation linked to the entry.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:kse="urn:kse:xslt"
  xmlns:h="urn:kse:html"
  exclude-result-prefixes="#all">

  <xsl:variable name="h:commentary" as="element()*" select="kse:commentary-notes($kse:principal-root)"/>
  <xsl:variable name="h:works" as="element()*" select="kse:bibliography($kse:principal-root)"/>
  <xsl:variable name="h:has-commentary" as="xs:boolean" select="exists($h:commentary)"/>
  <xsl:variable name="h:has-bibliography" as="xs:boolean" select="exists($h:works)"/>

  <!-- ============ the pages (called from html.xsl; writes their names into the manifest) ============ -->
  <xsl:template name="h:commentary-pages">
    <xsl:if test="$h:has-commentary">
      <xsl:call-template name="h:page">
        <xsl:with-param name="file" select="'commentary.html'"/><xsl:with-param name="key" select="'commentary'"/>
        <xsl:with-param name="content"><xsl:call-template name="h:commentary-page"/></xsl:with-param>
      </xsl:call-template>
      <xsl:text>commentary.html&#10;</xsl:text>
    </xsl:if>
    <xsl:if test="$h:has-bibliography">
      <xsl:call-template name="h:page">
        <xsl:with-param name="file" select="'bibliography.html'"/><xsl:with-param name="key" select="'bibliography'"/>
        <xsl:with-param name="content"><xsl:call-template name="h:bibliography-page"/></xsl:with-param>
      </xsl:call-template>
      <xsl:text>bibliography.html&#10;</xsl:text>
    </xsl:if>
  </xsl:template>

  <!-- ============ every page: the stylesheet of the layer and the rules of the language versions ============ -->
  <xsl:template name="h:head-extra">
    <xsl:param name="root" as="xs:string" select="''"/>
    <link rel="stylesheet" href="{$root}assets/commentary.css"/>
    <xsl:if test="count($kse:languages) gt 1">
      <!-- language codes only (checked by $kse:languages): nothing of the document reaches this CSS -->
      <style>
        <xsl:for-each select="$kse:languages">
          <xsl:variable name="q" select="'&quot;' || . || '&quot;'"/>
          <xsl:value-of select="'html[lang=' || $q || '] .lang-version[data-for]:not([data-for~=' || $q || ']) { display: none; }&#10;'
                             || 'html[lang=' || $q || '] .cmt-cols > [data-for~=' || $q || '] { order: -1; }&#10;'"/>
        </xsl:for-each>
      </style>
    </xsl:if>
  </xsl:template>

  <!-- the versions of a text written in several languages ($e: a note, an event …); each version's
       elements rendered as $block elements (p on a page, span inside a paragraph of the text) -->
  <xsl:template name="h:lang-versions">
    <xsl:param name="e" as="element()"/>
    <xsl:param name="wrapper" as="xs:string" select="'span'"/>
    <xsl:param name="block" as="xs:string" select="'span'"/>
    <xsl:param name="class" as="xs:string" select="''"/>
    <xsl:param name="heading" as="xs:boolean" select="false()"/>
    <xsl:param name="id-prefix" as="xs:string" select="''"/>
    <xsl:variable name="langs" select="kse:version-langs($e)"/>
    <xsl:for-each select="$langs">
      <xsl:variable name="l" select="."/>
      <xsl:element name="{$wrapper}">
        <xsl:attribute name="class" select="normalize-space('lang-version ' || $class)"/>
        <xsl:if test="$id-prefix != ''"><xsl:attribute name="id" select="$id-prefix || '-' || ($l[. != ''], 'x')[1]"/></xsl:if>
        <xsl:if test="$l != ''">
          <xsl:attribute name="lang" select="$l"/>
          <xsl:if test="kse:dir($l) != kse:dir($lang)"><xsl:attribute name="dir" select="kse:dir($l)"/></xsl:if>
        </xsl:if>
        <xsl:if test="count($langs) gt 1"><xsl:attribute name="data-for" select="string-join(kse:version-shown-for($langs, $l), ' ')"/></xsl:if>
        <xsl:if test="$heading and $l != ''">
          <xsl:element name="{$block}"><xsl:attribute name="class" select="'version-lang'"/><xsl:value-of select="kse:label('language-name', $l)"/></xsl:element>
        </xsl:if>
        <xsl:for-each select="kse:version-in($e, $l)">
          <xsl:element name="{$block}">
            <xsl:attribute name="class" select="'version-p'"/>
            <xsl:apply-templates select="if (. is $e or self::tei:p or self::tei:ab) then node() else ."/>
          </xsl:element>
        </xsl:for-each>
      </xsl:element>
    </xsl:for-each>
  </xsl:template>

  <!-- ============ in the text ============ -->
  <xsl:template match="tei:note[kse:is-commentary(.)]" priority="3">
    <xsl:variable name="n" select="string(kse:commentary-number(.))"/>
    <xsl:variable name="id" select="kse:commentary-id(.)"/>
    <xsl:variable name="langs" select="kse:version-langs(.)"/>
    <span class="cmt" id="{$id}">
      <!-- described by the version the interface shows (commentary.js follows the language switch) -->
      <a class="cmt-mark" href="commentary.html#{$id}" role="doc-noteref" aria-describedby="{$id}-{(kse:version-lang($langs, $lang)[. != ''], 'x')[1]}">
        <xsl:sequence select="h:label-attr-n('aria-label', 'commentary-n', $n)"/>
        <xsl:value-of select="$n"/>
      </a>
      <span class="cmt-pop">
        <span class="cmt-head">
          <span class="cmt-title"><span><xsl:sequence select="h:t('commentary')"/></span><xsl:text> </xsl:text><xsl:value-of select="$n"/></span>
          <xsl:if test="count($langs) gt 1">
            <span class="cmt-langs" role="group">
              <xsl:sequence select="h:label-attr('aria-label', 'version-choice')"/>
              <xsl:for-each select="$langs">
                <button type="button" class="cmt-lang" data-version="{.}" lang="{.}"><xsl:value-of select="kse:label('language-name', .)"/></button>
              </xsl:for-each>
            </span>
          </xsl:if>
          <button type="button" class="cmt-close"><xsl:sequence select="h:label-attr('aria-label', 'close')"/>×</button>
        </span>
        <xsl:call-template name="h:lang-versions"><xsl:with-param name="e" select="."/><xsl:with-param name="id-prefix" select="$id"/></xsl:call-template>
        <span class="cmt-foot"><a href="commentary.html#{$id}"><span><xsl:sequence select="h:t('commentary-page')"/></span> →</a></span>
      </span>
    </span>
  </xsl:template>

  <!-- a pointer to a work of the bibliography: its short citation, a link to the entry -->
  <xsl:template match="tei:ptr[exists(kse:cited-works(.))]" priority="3">
    <xsl:variable name="works" select="kse:cited-works(.)"/>
    <xsl:for-each select="$works">
      <xsl:if test="position() gt 1">; </xsl:if>
      <a class="cite" href="bibliography.html#{@xml:id}"><xsl:value-of select="kse:short-cite(.)"/></a>
    </xsl:for-each>
  </xsl:template>
  <xsl:template match="tei:ref[exists(kse:cited-works(.))]" priority="3">
    <a class="cite" href="bibliography.html#{kse:cited-works(.)[1]/@xml:id}"><xsl:apply-templates/></a>
  </xsl:template>
  <!-- a citation of a note: the short citation and the pages, as one phrase -->
  <xsl:template match="tei:bibl[exists(kse:cited-works(.))][not(kse:is-work(.))]" priority="3">
    <span class="bibl-cite"><xsl:apply-templates/></span>
  </xsl:template>
  <xsl:template match="tei:citedRange" priority="3"><span class="cited-range"><xsl:apply-templates/></span></xsl:template>

  <!-- the bibliography where it stands in the back matter: a line that leads to its page -->
  <xsl:template match="tei:div[@type = 'bibliography'][.//tei:listBibl]" priority="3">
    <xsl:variable name="works" select="$h:works[ancestor::tei:div[@type = 'bibliography'][1] is current()]"/>
    <section class="source-line bibliography-line"><xsl:call-template name="h:common-attrs"/>
      <span class="field"><span><xsl:sequence select="h:t('bibliography')"/></span>: </span>
      <a href="bibliography.html"><span><xsl:sequence select="h:t('bibliography-title')"/></span></a>
      <xsl:text> (</xsl:text><xsl:value-of select="count($works)"/><xsl:text>)</xsl:text>
    </section>
  </xsl:template>

  <!-- the switch of the layer, in the view switch of text.html (or alone, when there is no apparatus) -->
  <xsl:template name="h:commentary-switch">
    <xsl:param name="alone" as="xs:boolean" select="false()"/>
    <xsl:if test="$h:has-commentary">
      <xsl:variable name="switch">
        <input type="checkbox" id="layer-commentary" class="layer-switch" checked="checked"/>
        <label for="layer-commentary" class="layer-label">
          <xsl:sequence select="h:label-attr('title', 'commentary-switch-title')"/>
          <span class="layer-swatch" aria-hidden="true"></span><span><xsl:sequence select="h:t('commentary')"/></span>
        </label>
      </xsl:variable>
      <xsl:choose>
        <xsl:when test="$alone"><div class="views layers"><xsl:sequence select="$switch"/></div></xsl:when>
        <xsl:otherwise><xsl:sequence select="$switch"/></xsl:otherwise>
      </xsl:choose>
    </xsl:if>
  </xsl:template>

  <!-- rows of the statistics of index.html -->
  <xsl:template name="h:commentary-stats-rows">
    <xsl:param name="stats" as="map(*)"/>
    <xsl:if test="$h:has-commentary">
      <tr class="st-commentary"><td class="num"><xsl:value-of select="$stats('commentary')"/></td>
        <td><a href="commentary.html"><xsl:sequence select="h:t('st-commentary')"/></a></td></tr>
    </xsl:if>
    <xsl:if test="$h:has-bibliography">
      <tr class="st-bibliography"><td class="num"><xsl:value-of select="$stats('bibliography')"/></td>
        <td><a href="bibliography.html"><xsl:sequence select="h:t('st-bibliography')"/></a></td></tr>
    </xsl:if>
  </xsl:template>

  <!-- ============ commentary.html ============ -->
  <xsl:template name="h:commentary-page">
    <xsl:variable name="blocks" select="$h:commentary ! kse:block-of(.)"/>
    <xsl:variable name="all-langs" select="distinct-values($h:commentary ! kse:version-langs(.))"/>
    <div class="cmt-page">
      <h1><xsl:sequence select="h:t('commentary-title')"/></h1>
      <p class="lead">
        <span><xsl:sequence select="h:by-lang(function($l) { kse:label-format('commentary-lead', $l,
                  map{'n': string(count($h:commentary)), 'p': string(count($blocks/.))}) })"/></span>
        <xsl:if test="$h:has-bibliography"> · <a href="bibliography.html"><xsl:sequence select="h:t('bibliography')"/></a></xsl:if>
      </p>
      <p class="cmt-about"><xsl:sequence select="h:t('commentary-about')"/></p>
      <xsl:variable name="missing" select="$kse:languages[not(. = $all-langs)]"/>
      <xsl:if test="exists($missing) and exists($all-langs)">
        <p class="cmt-about lang-version" data-for="{string-join($missing, ' ')}"><xsl:sequence select="h:t('commentary-no-version')"/></p>
      </xsl:if>
      <ol class="cmt-list">
        <xsl:for-each select="$h:commentary">
          <xsl:variable name="n" select="string(kse:commentary-number(.))"/>
          <xsl:variable name="id" select="kse:commentary-id(.)"/>
          <xsl:variable name="block" select="kse:block-of(.)"/>
          <xsl:variable name="passage" select="kse:commented-passage(.)"/>
          <li class="cmt-entry" id="{$id}" value="{$n}">
            <div class="cmt-entry-head">
              <a class="cmt-badge" href="text.html#{$id}"><xsl:sequence select="h:label-attr-n('aria-label', 'commentary-n', $n)"/><xsl:value-of select="$n"/></a>
              <xsl:if test="$block">
                <a class="cmt-para" href="text.html#{kse:block-id($block)}">
                  <xsl:sequence select="h:label-attr-n('title', 'permalink-paragraph', kse:block-number($block))"/>¶&#xA0;<xsl:value-of select="kse:block-number($block)"/></a>
              </xsl:if>
            </div>
            <div class="cmt-entry-body">
              <xsl:if test="$passage != ''">
                <p class="cmt-lemma" lang="{$h:text-lang}" dir="{$h:text-dir}">
                  <a href="text.html#{$id}"><xsl:sequence select="h:label-attr('title', 'commentary-in-text')"/>
                    <span class="visually-hidden"><span><xsl:sequence select="h:t('commentary-on')"/></span>: </span><xsl:value-of select="$passage"/></a>
                </p>
              </xsl:if>
              <div class="cmt-cols">
                <xsl:call-template name="h:lang-versions">
                  <xsl:with-param name="e" select="."/><xsl:with-param name="wrapper" select="'div'"/>
                  <xsl:with-param name="block" select="'p'"/><xsl:with-param name="class" select="'cmt-col'"/>
                  <xsl:with-param name="heading" select="count(kse:version-langs(.)) gt 1"/>
                </xsl:call-template>
              </div>
            </div>
          </li>
        </xsl:for-each>
      </ol>
    </div>
  </xsl:template>
  <!-- on the pages of the commentary every version shows: the hiding rules are for the text and the register -->

  <!-- ============ bibliography.html ============ -->
  <xsl:template name="h:bibliography-page">
    <div class="bib-page">
      <h1><xsl:sequence select="h:t('bibliography-title')"/></h1>
      <p class="lead">
        <span><xsl:sequence select="h:by-lang(function($l) { kse:label-format('bibliography-lead', $l, map{'n': string(count($h:works))}) })"/></span>
        <xsl:if test="$h:has-commentary"> · <a href="commentary.html"><xsl:sequence select="h:t('commentary-title')"/></a></xsl:if>
      </p>
      <p class="bib-about"><xsl:sequence select="h:t('bibliography-about')"/></p>
      <ul class="bibliography">
        <xsl:for-each select="$h:works">
          <xsl:variable name="work" select="."/>
          <xsl:variable name="l" select="kse:lang-code(.)"/>
          <xsl:variable name="notes" select="kse:citing-notes(.)"/>
          <li class="bib-entry">
            <xsl:if test="@xml:id"><xsl:attribute name="id" select="@xml:id"/></xsl:if>
            <span class="bib-key"><xsl:value-of select="kse:short-cite(.)"/></span>
            <div class="bib-body">
              <p class="bib-ref">
                <xsl:if test="$l != ''"><xsl:attribute name="lang" select="$l"/></xsl:if>
                <xsl:call-template name="h:reference"><xsl:with-param name="work" select="."/><xsl:with-param name="context-lang" select="$l"/></xsl:call-template>
              </p>
              <xsl:for-each select="tei:note">
                <p class="bib-note">
                  <xsl:variable name="nl" select="kse:lang-code(.)"/>
                  <xsl:if test="$nl != ''"><xsl:attribute name="lang" select="$nl"/></xsl:if>
                  <xsl:apply-templates/>
                </p>
              </xsl:for-each>
              <xsl:if test="exists($notes)">
                <p class="bib-cited"><span class="field"><xsl:sequence select="h:t('cited-in')"/></span><xsl:text> </xsl:text>
                  <xsl:for-each select="$notes">
                    <xsl:variable name="n" select="string(kse:commentary-number(.))"/>
                    <xsl:variable name="block" select="kse:block-of(.)"/>
                    <a class="cmt-badge" href="commentary.html#{kse:commentary-id(.)}">
                      <xsl:sequence select="h:attr-by-lang('title', function($ul) { kse:label-format('commentary-n', $ul, map{'n': $n})
                                              || ($block ! (' · ¶ ' || kse:block-number(.))) })"/>
                      <xsl:value-of select="$n"/></a>
                    <xsl:text> </xsl:text>
                  </xsl:for-each>
                </p>
              </xsl:if>
            </div>
          </li>
        </xsl:for-each>
      </ul>
    </div>
  </xsl:template>

  <!-- a reference from its parts (kse:reference): titles in italics or quotation marks, the interface's words
       as labels (they switch with the language), dates in the interface language, links only to http(s) -->
  <xsl:template name="h:reference">
    <xsl:param name="work" as="element()"/>
    <xsl:param name="context-lang" as="xs:string"/>
    <xsl:variable name="ditto" select="kse:bibl-ditto($work)"/>
    <xsl:variable name="parts" select="kse:reference($work)"/>
    <xsl:variable name="first-lead" select="(for $i in 1 to count($parts) return $i[$parts[$i]?lead])[1]"/>
    <xsl:for-each select="$parts">
      <xsl:variable name="p" select="."/>
      <xsl:variable name="own-lang" select="string($p?lang)[. != ''][. != $context-lang]"/>
      <xsl:choose>
        <xsl:when test="exists($p?node)"><xsl:apply-templates select="$p?node/node()"/></xsl:when>
        <xsl:when test="exists($p?label)"><span><xsl:sequence select="h:t($p?label)"/></span></xsl:when>
        <xsl:when test="exists($p?date)"><span class="bib-date"><xsl:sequence select="h:by-lang(function($l) { kse:format-date($p?date, $l) })"/></span></xsl:when>
        <xsl:when test="exists($p?href)">
          <!-- kse:reference lets only http(s) through; checked again here, where it becomes a link -->
          <xsl:if test="matches($p?href, '^https?://', 'i')"><a class="bib-link" href="{$p?href}" rel="noopener"><xsl:value-of select="$p?text"/></a></xsl:if>
        </xsl:when>
        <xsl:when test="$ditto and $p?lead">
          <!-- the same authors as the entry before: a dash, as bibliographies print it (the names stay for screen readers) -->
          <xsl:if test="position() = $first-lead">
            <span class="bib-ditto" aria-hidden="true">———</span><span class="visually-hidden"><xsl:value-of select="string-join($parts[?role = 'authors']?text, ', ')"/></span>
          </xsl:if>
        </xsl:when>
        <xsl:otherwise>
          <xsl:element name="{if ($p?style = 'italic') then 'i' else if ($p?style = 'quoted') then 'q' else 'span'}">
            <xsl:if test="$p?style"><xsl:attribute name="class" select="'bib-' || $p?style"/></xsl:if>
            <xsl:if test="$own-lang"><xsl:attribute name="lang" select="$own-lang"/></xsl:if>
            <xsl:value-of select="$p?text"/>
          </xsl:element>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

  <!-- ============ the register: the fates of a person, its notes ============ -->
  <xsl:template name="h:entry-fates">
    <xsl:variable name="fates" select="kse:fates(.)"/>
    <xsl:if test="exists($fates)">
      <ul class="fates">
        <xsl:sequence select="h:label-attr('aria-label', 'fate')"/>
        <xsl:for-each select="$fates">
          <li class="fate {kse:fate-key(.)}">
            <span class="fate-label"><xsl:sequence select="h:t(kse:fate-key(.))"/></span>
            <xsl:if test="@when or @from or @notBefore or @notAfter">
              <xsl:text> </xsl:text><span class="fate-date"><xsl:sequence select="h:date-value(.)"/></span>
            </xsl:if>
            <xsl:if test="normalize-space()">
              <xsl:text> </xsl:text>
              <xsl:call-template name="h:lang-versions"><xsl:with-param name="e" select="."/><xsl:with-param name="class" select="'fate-text'"/></xsl:call-template>
            </xsl:if>
          </li>
        </xsl:for-each>
      </ul>
    </xsl:if>
    <xsl:for-each select="tei:note">
      <p class="entry-note">
        <xsl:variable name="l" select="kse:lang-code(.)"/>
        <xsl:if test="$l != ''"><xsl:attribute name="lang" select="$l"/></xsl:if>
        <xsl:apply-templates/>
      </p>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
