<?xml version="1.0" encoding="UTF-8"?>
<!--
  html_textcrit.xsl — the views of the text, the witnesses and the apparatus, in HTML.

  HOW THE VIEWS WORK. Every intervention is written once with all its readings in the page:
    <span class="app app-correction cert-high" id="app-5">
      <span class="lem">бөлді</span><span class="sic">болді</span>
      <a class="app-mark" href="#appn-5">5</a><span class="app-tip" role="tooltip">бөлді] болді W …</span></span>
    <span class="app app-variant" id="app-7">
      <span class="rdg base" data-w="w1 w3">omnis</span><span class="rdg" data-w="w2">omnes</span> …</span>
  and the CSS shows one reading or another according to the checked radio buttons: the views (reading,
  diplomatic, apparatus) and, when the document has witnesses, the witness switch (the critical text, or
  the text as witness wN gives it: the readings whose data-w holds wN, text in a lacuna of wN hidden —
  span.lac data-absent="wN"). So the views and witnesses switch without reloading and without JavaScript;
  edition.js adds the side-by-side comparison of two witnesses. In the apparatus view the mark is shown
  and focusable; the entry ("lemma] reading A B; om. C") pops up on hover and keyboard focus, and each
  paragraph is followed by its numbered apparatus (aside.para-app). apparatus.html lists all, and
  witnesses.html the witnesses with their descriptions.
  Which reading is which, the numbers, the sigla and the witnesses come from the common layer
  (kse:app-entry and friends): the same entries, with the same numbers, as in the print edition.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:kse="urn:kse:xslt"
  xmlns:h="urn:kse:html"
  exclude-result-prefixes="#all">

  <!-- ============ witnesses ============ -->
  <!-- witness id -> the token the page uses for it (w1, w2 … in listWit order): CSS-safe whatever the id -->
  <xsl:variable name="h:witness-ids" as="xs:string*" select="kse:witness-ids(/)"/>
  <xsl:variable name="h:wit-token" as="map(xs:string, xs:string)"
    select="map:merge(for $i in 1 to count($h:witness-ids) return map{$h:witness-ids[$i]: 'w' || $i})"/>
  <xsl:variable name="h:has-witnesses" as="xs:boolean" select="exists($h:witness-ids) and exists(//tei:text//tei:app)"/>
  <xsl:function name="h:tokens" as="xs:string">
    <xsl:param name="ids" as="xs:string*"/>
    <xsl:sequence select="string-join(distinct-values($ids ! $h:wit-token(.)), ' ')"/>
  </xsl:function>

  <!-- text where some witness is absent (lacuna, not begun, ended) carries the tokens of those witnesses -->
  <xsl:template match="tei:text//text()[$kse:has-markers]">
    <xsl:variable name="absent" select="kse:absent-witnesses(.)"/>
    <xsl:choose>
      <xsl:when test="exists($absent)"><span class="lac" data-absent="{h:tokens($absent)}"><xsl:value-of select="."/></span></xsl:when>
      <xsl:otherwise><xsl:value-of select="."/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- inside a link (a register name, a ref) no other link may be nested -->
  <xsl:function name="h:in-link" as="xs:boolean">
    <xsl:param name="n" as="node()"/>
    <xsl:sequence select="exists($n/ancestor::*[self::tei:persName or self::tei:placeName or self::tei:orgName
                          or self::tei:name or self::tei:rs or self::tei:ref or self::tei:ptr])"/>
  </xsl:function>

  <!-- the mark of an intervention: a link to its numbered note, or a plain superscript inside a link -->
  <xsl:template name="h:app-mark">
    <xsl:param name="n" as="xs:integer"/>
    <xsl:choose>
      <xsl:when test="h:in-link(.)"><sup class="app-mark" aria-hidden="true"><xsl:value-of select="$n"/></sup></xsl:when>
      <xsl:otherwise>
        <a class="app-mark" href="#appn-{$n}" aria-describedby="tip-{$n}">
          <xsl:sequence select="h:label-attr-n('aria-label', 'apparatus-n', string($n))"/>
          <xsl:value-of select="$n"/>
        </a>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- certainty as a short label -->
  <xsl:template name="h:cert">
    <xsl:param name="cert" as="xs:string"/>
    <xsl:if test="$cert != ''">
      <span class="cert cert-{$cert}"><xsl:sequence select="h:t('cert-' || $cert)"/></span>
    </xsl:if>
  </xsl:template>

  <!-- ============ one entry: "lemma] reading A B; om. C", certainty, notes ============ -->
  <!-- The same markup in the tooltip, under the paragraph and on apparatus.html; plain (no links, no ids). -->
  <xsl:template name="h:entry">
    <xsl:param name="entry" as="map(*)"/>
    <xsl:variable name="lemma" select="$entry?lemma"/>
    <xsl:if test="$entry?kind != 'note'">
      <xsl:if test="exists($lemma)">
        <span class="app-lem"><xsl:call-template name="h:reading-body"><xsl:with-param name="r" select="$lemma"/></xsl:call-template></span>
        <xsl:if test="$entry?kind = 'supplied'"><xsl:text> </xsl:text><span class="app-kind"><xsl:sequence select="h:t('kind-supplied')"/></span></xsl:if>
        <span class="app-bracket">]</span>
      </xsl:if>
      <xsl:for-each select="$entry?readings">
        <xsl:if test="position() gt 1"><span class="app-sep">;</span></xsl:if>
        <xsl:text> </xsl:text>
        <span class="app-rdg"><xsl:call-template name="h:reading-body"><xsl:with-param name="r" select="."/></xsl:call-template></span>
      </xsl:for-each>
      <xsl:for-each select="kse:loose-details($entry)">
        <xsl:text> </xsl:text><span class="app-detail">(<xsl:for-each select="kse:sigla(.)"><i class="siglum"><xsl:value-of select="."/></i><xsl:text> </xsl:text></xsl:for-each><xsl:apply-templates mode="h:plain"/>)</span>
      </xsl:for-each>
      <xsl:if test="$entry?kind = 'sic'"><xsl:text> </xsl:text><span class="app-kind"><xsl:sequence select="h:t('kind-sic')"/></span></xsl:if>
      <xsl:if test="$entry?cert != ''"><xsl:text> </xsl:text><xsl:call-template name="h:cert"><xsl:with-param name="cert" select="$entry?cert"/></xsl:call-template></xsl:if>
    </xsl:if>
    <xsl:for-each select="$entry?notes">
      <xsl:text> </xsl:text>
      <span class="app-note-text"><xsl:call-template name="h:note-lang"/><xsl:apply-templates mode="h:plain"/></span>
    </xsl:for-each>
  </xsl:template>

  <!-- a reading: its text (or om./lac.), its sigla in italics, its cause, type and details -->
  <xsl:template name="h:reading-body">
    <xsl:param name="r" as="map(*)"/>
    <xsl:choose>
      <xsl:when test="$r?lacuna"><span class="app-om"><xsl:sequence select="h:t('app-lacuna')"/></span></xsl:when>
      <xsl:when test="$r?omission"><span class="app-om"><xsl:sequence select="h:t('app-omission')"/></span></xsl:when>
      <xsl:when test="exists($r?node)"><span class="app-text"><xsl:apply-templates select="$r?nodes" mode="h:plain"/></span></xsl:when>
      <xsl:otherwise><span class="app-text"><xsl:value-of select="$r?text"/></span></xsl:otherwise>
    </xsl:choose>
    <xsl:for-each select="$r?sigla"><xsl:text> </xsl:text><i class="siglum"><xsl:value-of select="."/></i></xsl:for-each>
    <xsl:for-each select="($r?cause[. != ''], $r?type[. != ''][$r?role = 'rdg'])">
      <xsl:text> </xsl:text><span class="app-cause">(<xsl:value-of select="."/>)</span>
    </xsl:for-each>
    <xsl:for-each select="kse:reading-markers($r)"><xsl:text> </xsl:text><span class="app-marker">(<span><xsl:sequence select="h:t(.)"/></span>)</span></xsl:for-each>
    <xsl:for-each select="$r?details"><xsl:text> </xsl:text><span class="app-detail">(<xsl:apply-templates mode="h:plain"/>)</span></xsl:for-each>
  </xsl:template>

  <!-- notes of the apparatus in the language they are written in (our edition's are English) -->
  <xsl:template name="h:note-lang">
    <xsl:variable name="l" select="string((ancestor-or-self::*[@xml:lang][1]/@xml:lang, $h:text-lang)[1])"/>
    <xsl:attribute name="lang" select="$l"/>
    <xsl:if test="kse:dir($l) != kse:dir($lang)"><xsl:attribute name="dir" select="kse:dir($l)"/></xsl:if>
  </xsl:template>

  <!-- the tooltip of an intervention -->
  <xsl:template name="h:app-tip">
    <xsl:param name="entry" as="map(*)"/>
    <span class="app-tip" role="tooltip" id="tip-{$entry?n}">
      <xsl:call-template name="h:entry"><xsl:with-param name="entry" select="$entry"/></xsl:call-template>
    </span>
  </xsl:template>

  <!-- mark + tooltip, when the intervention is numbered -->
  <xsl:template name="h:app-marks">
    <xsl:param name="entry" as="map(*)"/>
    <xsl:param name="h:script" tunnel="yes" as="xs:string" select="''"/>
    <xsl:if test="exists($entry?n) and $h:script = ''">
      <xsl:call-template name="h:app-mark"><xsl:with-param name="n" select="$entry?n"/></xsl:call-template>
      <xsl:call-template name="h:app-tip"><xsl:with-param name="entry" select="$entry"/></xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- ============ the interventions in the text ============ -->
  <!-- choice: both readings, the view decides which shows -->
  <xsl:template match="tei:choice">
    <xsl:variable name="entry" select="kse:app-entry(.)"/>
    <span class="app app-{$entry?kind}{$entry?cert[. != ''] ! (' app-cert-' || .)}">
      <xsl:if test="exists($entry?n)"><xsl:attribute name="id" select="'app-' || $entry?n"/></xsl:if>
      <span class="lem"><xsl:apply-templates select="kse:correction(.)/node()"/></span>
      <span class="sic"><xsl:apply-templates select="kse:witness(.)/node()"/></span>
      <xsl:call-template name="h:app-marks"><xsl:with-param name="entry" select="$entry"/></xsl:call-template>
    </span>
  </xsl:template>

  <!-- sic alone (a passage left as it stands), corr alone, supplied: one reading, marked in the apparatus view -->
  <xsl:template match="tei:sic | tei:corr | tei:supplied">
    <xsl:variable name="entry" select="kse:app-entry(.)"/>
    <span class="app app-{$entry?kind}{$entry?cert[. != ''] ! (' app-cert-' || .)}">
      <xsl:if test="exists($entry?n)"><xsl:attribute name="id" select="'app-' || $entry?n"/></xsl:if>
      <span class="{if (self::tei:sic) then 'sic-alone' else 'lem added'}"><xsl:call-template name="h:leiden-open"/><xsl:apply-templates/><xsl:call-template name="h:leiden-close"/></span>
      <xsl:call-template name="h:app-marks"><xsl:with-param name="entry" select="$entry"/></xsl:call-template>
    </span>
  </xsl:template>
  <!-- Leiden brackets of a supplied (EpiDoc): [lost], ⟨omitted⟩; our edition's supplied has no @reason -->
  <xsl:template name="h:leiden-open">
    <xsl:if test="self::tei:supplied[@reason]"><span class="leiden" aria-hidden="true"><xsl:value-of select="if (@reason = 'omitted') then '⟨' else if (@reason = 'subaudible') then '(' else '['"/></span></xsl:if>
  </xsl:template>
  <xsl:template name="h:leiden-close">
    <xsl:if test="self::tei:supplied[@reason]"><span class="leiden" aria-hidden="true"><xsl:value-of select="(if (@cert = 'low') then '?' else '') || (if (@reason = 'omitted') then '⟩' else if (@reason = 'subaudible') then ')' else ']')"/></span></xsl:if>
  </xsl:template>

  <!-- app (parallel segmentation): every reading in the text, the lemma shown by default; which one shows
       for a witness is decided by its data-w -->
  <xsl:template match="tei:app[kse:lemma-in-text(.)]">
    <xsl:variable name="entry" select="kse:app-entry(.)"/>
    <xsl:variable name="base" select="$entry?lemma?node"/>
    <span class="app app-variant{$entry?type[. != ''] ! (' app-type-' || replace(., '[^\w-]', ''))}">
      <xsl:if test="exists($entry?n)"><xsl:attribute name="id" select="'app-' || $entry?n"/></xsl:if>
      <xsl:for-each select="($entry?lemma, $entry?readings)[exists(?node)]">
        <xsl:variable name="r" select="."/>
        <span class="rdg{' base'[$r?node is $base]}{' om'[$r?omission or $r?lacuna]}" data-w="{h:tokens(?witnesses)}">
          <xsl:apply-templates select="?nodes"/>
        </span>
      </xsl:for-each>
      <xsl:call-template name="h:app-marks"><xsl:with-param name="entry" select="$entry"/></xsl:call-template>
    </span>
  </xsl:template>
  <xsl:template match="tei:app/tei:note | tei:app/tei:witDetail | tei:rdgGrp/tei:note | tei:wit"/>

  <!-- location-referenced app: its lem repeats the base text; only the mark stands here -->
  <xsl:template match="tei:app[not(kse:lemma-in-text(.))]">
    <xsl:if test="not(@from)">
      <xsl:variable name="entry" select="kse:app-entry(.)"/>
      <span class="app app-variant app-located" id="app-{$entry?n}">
        <xsl:call-template name="h:app-marks"><xsl:with-param name="entry" select="$entry"/></xsl:call-template>
      </span>
    </xsl:if>
  </xsl:template>
  <!-- listApp (an EpiDoc apparatus division, the apps of a double-end-point edition gathered after the
       text): shown where it stands, one entry per app, with a link to its place when it has one -->
  <xsl:template match="tei:listApp">
    <ol class="list-app">
      <xsl:for-each select="tei:app">
        <xsl:variable name="entry" select="kse:app-entry(.)"/>
        <li>
          <xsl:if test="exists($entry?n)"><xsl:attribute name="value" select="$entry?n"/></xsl:if>
          <xsl:if test="@loc"><span class="app-loc"><xsl:value-of select="@loc"/></span><xsl:text> </xsl:text></xsl:if>
          <xsl:call-template name="h:entry"><xsl:with-param name="entry" select="$entry"/></xsl:call-template>
        </li>
      </xsl:for-each>
      <xsl:apply-templates select="* except tei:app"/>
    </ol>
  </xsl:template>
  <xsl:template match="tei:listApp/tei:head" priority="2"><li class="list-app-head"><xsl:apply-templates/></li></xsl:template>

  <!-- double-end-point app: rendered at its first anchor; when both anchors share a parent, the base text
       between them and every reading, as for parallel segmentation (the range is skipped where it stands) -->
  <xsl:template match="node()[$kse:has-dep][map:contains($kse:dep-covered, generate-id(.))]" priority="50">
    <xsl:param name="h:in-range" tunnel="yes" as="xs:boolean" select="false()"/>
    <xsl:if test="$h:in-range"><xsl:next-match/></xsl:if>
  </xsl:template>
  <xsl:template match="tei:anchor[@xml:id]">
    <xsl:variable name="apps" select="key('h:app-from', '#' || @xml:id)"/>
    <xsl:for-each select="$apps">
      <xsl:variable name="entry" select="kse:app-entry(.)"/>
      <xsl:variable name="range" select="if (. is $kse:dep-apps(generate-id($entry?from))) then kse:dep-range(.) else ()"/>
      <span class="app app-variant" id="app-{$entry?n}">
        <xsl:if test="exists($range)">
          <span class="rdg base" data-w="{h:tokens($h:witness-ids[not(. = $entry?readings[?role = 'rdg']?witnesses)])}">
            <xsl:apply-templates select="$range"><xsl:with-param name="h:in-range" select="true()" tunnel="yes"/></xsl:apply-templates>
          </span>
          <xsl:for-each select="$entry?readings[?role = 'rdg']">
            <xsl:variable name="r" select="."/>
            <span class="rdg{' om'[$r?omission]}" data-w="{h:tokens(?witnesses)}"><xsl:apply-templates select="?nodes"/></span>
          </xsl:for-each>
        </xsl:if>
        <xsl:call-template name="h:app-marks"><xsl:with-param name="entry" select="$entry"/></xsl:call-template>
      </span>
    </xsl:for-each>
    <span class="anchor" id="{@xml:id}"/>
  </xsl:template>
  <xsl:key name="h:app-from" match="tei:app[@from]" use="normalize-space(@from)"/>

  <!-- editorial note: attached ones live in their intervention's tooltip and apparatus entry;
       a free-standing one is an intervention of its own: a discreet mark in every view -->
  <xsl:template match="tei:note[@type = 'editorial']">
    <xsl:variable name="n" select="kse:app-number(.)"/>
    <xsl:if test="exists($n)">
      <span class="app app-note" id="app-{$n}">
        <xsl:call-template name="h:app-marks"><xsl:with-param name="entry" select="kse:app-entry(.)"/></xsl:call-template>
      </span>
    </xsl:if>
  </xsl:template>

  <!-- plain rendering for tooltips and apparatus entries: text, with a few phrase-level styles, no ids, no links -->
  <xsl:mode name="h:plain" on-no-match="text-only-copy"/>
  <xsl:template match="tei:title | tei:hi[matches(@rend, 'ital')] | tei:foreign | tei:term" mode="h:plain"><i><xsl:apply-templates mode="#current"/></i></xsl:template>
  <xsl:template match="tei:q | tei:quote" mode="h:plain">“<xsl:apply-templates mode="#current"/>”</xsl:template>
  <xsl:template match="tei:gi" mode="h:plain">&lt;<xsl:value-of select="."/>&gt;</xsl:template>
  <xsl:template match="tei:gap" mode="h:plain">[…]</xsl:template>
  <xsl:template match="tei:lb[not(@break = 'no')] | tei:pb | tei:cb" mode="h:plain"><xsl:text> </xsl:text></xsl:template>
  <!-- a nested app shows its lemma (its own entry lists its readings) -->
  <xsl:template match="tei:app" mode="h:plain"><xsl:apply-templates select="kse:app-entry(.)?lemma?nodes" mode="#current"/></xsl:template>
  <xsl:template match="tei:choice/tei:sic | tei:choice/tei:orig | tei:choice/tei:abbr | tei:note | tei:rdg | tei:witDetail | tei:wit" mode="h:plain"/>
  <xsl:template match="tei:lacunaStart | tei:lacunaEnd | tei:witStart | tei:witEnd" mode="h:plain"/>

  <!-- the numbered apparatus under a paragraph or line (shown in the apparatus view) -->
  <xsl:template name="h:block-apparatus">
    <xsl:param name="h:script" tunnel="yes" as="xs:string" select="''"/>
    <xsl:variable name="block" select="."/>
    <xsl:variable name="apps" select="kse:block-interventions(.)"/>
    <xsl:if test="$apps and $h:script = ''">
      <aside class="para-app">
        <xsl:sequence select="h:label-attr-n('aria-label', 'apparatus-paragraph', kse:block-number($block))"/>
        <ol>
          <xsl:for-each select="$apps">
            <xsl:variable name="entry" select="kse:app-entry(.)"/>
            <li id="appn-{$entry?n}" value="{$entry?n}" class="kind-{$entry?kind}"><a class="app-back" href="#app-{$entry?n}"><xsl:value-of select="$entry?n"/></a><xsl:text> </xsl:text>
              <xsl:call-template name="h:entry"><xsl:with-param name="entry" select="$entry"/></xsl:call-template></li>
          </xsl:for-each>
        </ol>
      </aside>
    </xsl:if>
  </xsl:template>

  <!-- apparatus.html: every intervention, in a table -->
  <xsl:template name="h:apparatus-page">
    <xsl:variable name="apps" select="kse:interventions(/)"/>
    <h1><xsl:sequence select="h:t('apparatus')"/></h1>
    <!-- the lead counts by kind, so that each figure can be checked against the TEI (corr, note, lone sic) -->
    <xsl:variable name="corrections" select="$apps[kse:intervention-kind(.) = ('correction', 'regularization', 'expansion', 'supplied', 'variant')]"/>
    <p class="lead">
      <xsl:value-of select="count($apps)"/><xsl:text> </xsl:text><span><xsl:sequence select="h:t('st-entries')"/></span>
      <xsl:if test="$apps[not(self::tei:app)]">
        <xsl:text>: </xsl:text><xsl:value-of select="count($corrections)"/><xsl:text> </xsl:text><span><xsl:sequence select="h:t('st-corrections')"/></span>
        <xsl:text> (</xsl:text>
        <xsl:for-each select="('high', 'medium', 'low')">
          <xsl:variable name="c" select="."/>
          <xsl:if test="position() gt 1"><xsl:text> · </xsl:text></xsl:if>
          <span class="cert cert-{$c}"><xsl:sequence select="h:t('cert-' || $c)"/></span>
          <xsl:text>: </xsl:text><xsl:value-of select="count($corrections[kse:cert(.) = $c])"/>
        </xsl:for-each>
        <xsl:text>), </xsl:text>
        <xsl:value-of select="count($apps[kse:intervention-kind(.) = 'note'])"/><xsl:text> </xsl:text><span><xsl:sequence select="h:t('st-notes')"/></span>
        <xsl:text>, </xsl:text>
        <xsl:value-of select="count($apps[kse:intervention-kind(.) = 'sic'])"/><xsl:text> </xsl:text><span><xsl:sequence select="h:t('st-unmended')"/></span>
      </xsl:if>
    </p>
    <xsl:if test="$h:has-witnesses"><p class="hint"><a href="witnesses.html"><xsl:sequence select="h:t('witnesses')"/></a></p></xsl:if>
    <div class="table-wrap">
      <table class="apparatus-table">
        <thead><tr>
          <th scope="col">№</th><th scope="col"><xsl:sequence select="h:t('paragraph-abbr')"/></th>
          <th scope="col"><xsl:sequence select="h:t('apparatus')"/></th>
        </tr></thead>
        <tbody>
          <xsl:for-each select="$apps">
            <xsl:variable name="entry" select="kse:app-entry(.)"/>
            <xsl:variable name="block" select="kse:block-of($entry?location)"/>
            <tr id="a{$entry?n}" class="kind-{$entry?kind}">
              <td class="num"><a href="text.html#app-{$entry?n}"><xsl:value-of select="$entry?n"/></a></td>
              <td class="num"><xsl:if test="$block"><a href="text.html#{kse:block-id($block)}"><xsl:value-of select="kse:block-number($block)"/></a></xsl:if></td>
              <td class="entry-cell"><xsl:call-template name="h:entry"><xsl:with-param name="entry" select="$entry"/></xsl:call-template></td>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
    </div>
  </xsl:template>

  <!-- ============ text.html: the witness switch ============ -->
  <xsl:template name="h:witness-switch">
    <xsl:if test="$h:has-witnesses">
      <fieldset class="views witness-switch" id="witness-switch">
        <legend><xsl:sequence select="h:t('show-witness')"/></legend>
        <input type="radio" name="wit" id="wit-0" value="" checked="checked"/>
        <label for="wit-0"><xsl:sequence select="h:t('critical-text')"/></label>
        <xsl:for-each select="$h:witness-ids">
          <xsl:variable name="w" select="$h:wit-token(.)"/>
          <xsl:variable name="el" select="kse:witness-table($kse:principal-root)?element(.)"/>
          <input type="radio" name="wit" id="wit-{$w}" value="{$w}"/>
          <label for="wit-{$w}" class="siglum-label">
            <xsl:if test="$el"><xsl:attribute name="title" select="normalize-space(string-join($el//text()[not(ancestor::tei:note)], ' '))"/></xsl:if>
            <xsl:value-of select="kse:siglum($kse:principal-root, .)"/>
          </label>
        </xsl:for-each>
        <button type="button" class="compare-open" data-compare="" hidden="hidden"><xsl:sequence select="h:t('compare')"/></button>
      </fieldset>
    </xsl:if>
  </xsl:template>

  <!-- the CSS rules of the witness switch, one per witness (tokens only: nothing of the document) -->
  <xsl:template name="h:witness-css">
    <xsl:if test="$h:has-witnesses">
      <style>
        <xsl:for-each select="$h:witness-ids ! $h:wit-token(.)">
          <xsl:variable name="w" select="."/>
          <xsl:value-of select="'body:has(#wit-' || $w || ':checked) .edition .rdg, .compare-col[data-wit=&quot;' || $w || '&quot;] .rdg { display: none; }&#10;'
                             || 'body:has(#wit-' || $w || ':checked) .edition .rdg[data-w~=&quot;' || $w || '&quot;], .compare-col[data-wit=&quot;' || $w || '&quot;] .rdg[data-w~=&quot;' || $w || '&quot;] { display: inline; }&#10;'
                             || 'body:has(#wit-' || $w || ':checked) .edition .lac[data-absent~=&quot;' || $w || '&quot;], .compare-col[data-wit=&quot;' || $w || '&quot;] .lac[data-absent~=&quot;' || $w || '&quot;] { display: none; }&#10;'"/>
        </xsl:for-each>
      </style>
    </xsl:if>
  </xsl:template>

  <!-- ============ witnesses.html: the witnesses with their descriptions ============ -->
  <xsl:template name="h:witnesses-page">
    <h1><xsl:sequence select="h:t('witnesses')"/></h1>
    <dl class="witness-list">
      <xsl:for-each select="$h:witness-ids">
        <xsl:variable name="el" select="kse:witness-table($kse:principal-root)?element(.)"/>
        <dt id="witness-{$h:wit-token(.)}"><i class="siglum"><xsl:value-of select="kse:siglum($kse:principal-root, .)"/></i></dt>
        <dd>
          <xsl:choose>
            <xsl:when test="$el"><xsl:apply-templates select="$el/node()" mode="h:witness-desc"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="."/></xsl:otherwise>
          </xsl:choose>
          <p class="witness-read"><a href="text.html?wit={$h:wit-token(.)}"><xsl:sequence select="h:t('show-witness')"/></a></p>
        </dd>
      </xsl:for-each>
    </dl>
  </xsl:template>
  <!-- a witness description: a msDesc as a catalogue entry, anything else as in the text -->
  <xsl:template match="tei:msDesc | tei:msPart | tei:msFrag" mode="h:witness-desc"><xsl:apply-templates select="." mode="h:source"/></xsl:template>
  <xsl:template match="*" mode="h:witness-desc"><xsl:apply-templates select="."/></xsl:template>
  <xsl:template match="text()" mode="h:witness-desc"><xsl:value-of select="."/></xsl:template>
</xsl:stylesheet>
