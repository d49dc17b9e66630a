<?xml version="1.0" encoding="UTF-8"?>
<!--
  html_textcrit.xsl — the three views of the text and the apparatus, in HTML.

  HOW THE VIEWS WORK. Every intervention is written once with both readings in the page:
    <span class="app app-correction cert-high" id="app-5">
      <span class="lem">бөлді</span><span class="sic">болді</span>
      <a class="app-mark" href="#appn-5">5</a><span class="app-tip" role="tooltip">Нұсқада: болді …</span></span>
  and the CSS shows one reading or the other according to the checked view radio button (reading,
  diplomatic, apparatus), so the views switch without reloading and without JavaScript. In the apparatus
  view the mark is shown and focusable; the witness reading pops up on hover and keyboard focus, and
  each paragraph is followed by its numbered apparatus (aside.para-app). apparatus.html lists all.
  Which reading is which, the numbers and the certainty come from the common layer (kse:* functions).
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:kse="urn:kse:xslt"
  xmlns:h="urn:kse:html"
  exclude-result-prefixes="#all">

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
          <xsl:sequence select="h:t-attr('aria-label', kse:label('apparatus', 'kk') || ' ' || $n, kse:label('apparatus', 'en') || ' ' || $n)"/>
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

  <!-- the tooltip: witness reading, certainty, notes (plain text, no links inside) -->
  <xsl:template name="h:app-tip">
    <xsl:param name="n" as="xs:integer"/>
    <xsl:variable name="kind" select="kse:intervention-kind(.)"/>
    <span class="app-tip" role="tooltip" id="tip-{$n}">
      <xsl:if test="$kind != 'note'">
        <span class="tip-label"><xsl:sequence select="h:t(if ($kind = 'supplied') then 'kind-supplied' else if ($kind = 'sic') then 'kind-sic' else 'witness')"/></span>
        <xsl:if test="$kind != 'supplied'"><xsl:text>: </xsl:text><span class="tip-rdg"><xsl:value-of select="kse:text(kse:witness(.), 'diplomatic')"/></span></xsl:if>
        <xsl:if test="kse:cert(.) != ''"><xsl:text> · </xsl:text><xsl:call-template name="h:cert"><xsl:with-param name="cert" select="kse:cert(.)"/></xsl:call-template></xsl:if>
      </xsl:if>
      <xsl:for-each select="kse:notes-of(.)"><span class="tip-note"><xsl:apply-templates mode="h:plain"/></span></xsl:for-each>
    </span>
  </xsl:template>

  <!-- choice: both readings, the view decides which shows -->
  <xsl:template match="tei:choice">
    <xsl:variable name="n" select="kse:app-number(.)"/>
    <xsl:variable name="witness" select="kse:witness(.)"/>
    <xsl:variable name="corr" select="kse:correction(.)"/>
    <span class="app app-{kse:intervention-kind(.)}{kse:cert(.)[. != ''] ! (' app-cert-' || .)}">
      <xsl:if test="exists($n)"><xsl:attribute name="id" select="'app-' || $n"/></xsl:if>
      <span class="lem"><xsl:apply-templates select="$corr/node()"/></span>
      <span class="sic"><xsl:apply-templates select="$witness/node()"/></span>
      <xsl:if test="exists($n)">
        <xsl:call-template name="h:app-mark"><xsl:with-param name="n" select="$n"/></xsl:call-template>
        <xsl:call-template name="h:app-tip"><xsl:with-param name="n" select="$n"/></xsl:call-template>
      </xsl:if>
    </span>
  </xsl:template>

  <!-- sic alone (a passage left as it stands), corr alone, supplied: one reading, marked in the apparatus view -->
  <xsl:template match="tei:sic | tei:corr | tei:supplied">
    <xsl:variable name="n" select="kse:app-number(.)"/>
    <span class="app app-{kse:intervention-kind(.)}{kse:cert(.)[. != ''] ! (' app-cert-' || .)}">
      <xsl:if test="exists($n)"><xsl:attribute name="id" select="'app-' || $n"/></xsl:if>
      <span class="{if (self::tei:sic) then 'sic-alone' else 'lem added'}"><xsl:apply-templates/></span>
      <xsl:if test="exists($n)">
        <xsl:call-template name="h:app-mark"><xsl:with-param name="n" select="$n"/></xsl:call-template>
        <xsl:call-template name="h:app-tip"><xsl:with-param name="n" select="$n"/></xsl:call-template>
      </xsl:if>
    </span>
  </xsl:template>

  <!-- app: the lemma in the text, the readings in the tooltip and the apparatus -->
  <xsl:template match="tei:app">
    <xsl:variable name="n" select="kse:app-number(.)"/>
    <span class="app app-variant">
      <xsl:if test="exists($n)"><xsl:attribute name="id" select="'app-' || $n"/></xsl:if>
      <span class="lem-variant"><xsl:apply-templates select="tei:lem/node()"/></span>
      <xsl:if test="exists($n)">
        <xsl:call-template name="h:app-mark"><xsl:with-param name="n" select="$n"/></xsl:call-template>
        <xsl:call-template name="h:app-tip"><xsl:with-param name="n" select="$n"/></xsl:call-template>
      </xsl:if>
    </span>
  </xsl:template>

  <!-- editorial note: attached ones live in their intervention's tooltip and apparatus entry;
       a free-standing one is an intervention of its own: a discreet mark in every view -->
  <xsl:template match="tei:note[@type = 'editorial']">
    <xsl:variable name="n" select="kse:app-number(.)"/>
    <xsl:if test="exists($n)">
      <span class="app app-note" id="app-{$n}">
        <xsl:call-template name="h:app-mark"><xsl:with-param name="n" select="$n"/></xsl:call-template>
        <xsl:call-template name="h:app-tip"><xsl:with-param name="n" select="$n"/></xsl:call-template>
      </span>
    </xsl:if>
  </xsl:template>

  <!-- plain rendering for tooltips and apparatus entries: text, with a few phrase-level styles, no ids, no links -->
  <xsl:mode name="h:plain" on-no-match="text-only-copy"/>
  <xsl:template match="tei:title | tei:hi[matches(@rend, 'ital')] | tei:foreign | tei:term" mode="h:plain"><i><xsl:apply-templates mode="#current"/></i></xsl:template>
  <xsl:template match="tei:q | tei:quote" mode="h:plain">“<xsl:apply-templates mode="#current"/>”</xsl:template>
  <xsl:template match="tei:gi" mode="h:plain">&lt;<xsl:value-of select="."/>&gt;</xsl:template>
  <xsl:template match="tei:choice/tei:sic | tei:choice/tei:orig | tei:choice/tei:abbr | tei:note | tei:rdg" mode="h:plain"/>

  <!-- one apparatus entry; $linked adds the links back to the text (apparatus.html) -->
  <xsl:template name="h:app-entry-body">
    <xsl:variable name="kind" select="kse:intervention-kind(.)"/>
    <xsl:if test="$kind != 'note'">
      <span class="app-lem"><xsl:value-of select="if ($kind = 'sic') then kse:text(., 'diplomatic') else kse:text(kse:correction(.), 'reading')"/></span>
      <span class="app-bracket">]</span>
      <xsl:text> </xsl:text>
      <xsl:choose>
        <xsl:when test="$kind = ('correction', 'regularization', 'expansion', 'variant')">
          <span class="app-wit"><xsl:sequence select="h:t('witness')"/></span><xsl:text> </xsl:text>
          <span class="app-rdg"><xsl:value-of select="string-join(kse:witness(.) ! kse:text(., 'diplomatic'), ' | ')"/></span>
        </xsl:when>
        <xsl:otherwise><span class="app-kind"><xsl:sequence select="h:t('kind-' || $kind)"/></span></xsl:otherwise>
      </xsl:choose>
      <xsl:if test="kse:cert(.) != ''"><xsl:text> </xsl:text><xsl:call-template name="h:cert"><xsl:with-param name="cert" select="kse:cert(.)"/></xsl:call-template></xsl:if>
    </xsl:if>
    <xsl:for-each select="kse:notes-of(.)"><xsl:text> </xsl:text><span class="app-note-text" lang="en"><xsl:apply-templates mode="h:plain"/></span></xsl:for-each>
  </xsl:template>

  <!-- the numbered apparatus under a paragraph or line (shown in the apparatus view) -->
  <xsl:template name="h:block-apparatus">
    <xsl:variable name="block" select="."/>
    <xsl:variable name="apps" select="kse:block-interventions(.)"/>
    <xsl:if test="$apps">
      <aside class="para-app">
        <xsl:sequence select="h:t-attr('aria-label', kse:label('apparatus', 'kk') || ', ' || kse:label('paragraph', 'kk') || ' ' || kse:block-number(.),
                                                     kse:label('apparatus', 'en') || ', ' || kse:label('paragraph', 'en') || ' ' || kse:block-number(.))"/>
        <ol>
          <xsl:for-each select="$apps">
            <xsl:variable name="n" select="kse:app-number(.)"/>
            <li id="appn-{$n}" value="{$n}"><a class="app-back" href="#app-{$n}"><xsl:value-of select="$n"/></a><xsl:text> </xsl:text><xsl:call-template name="h:app-entry-body"/></li>
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
    </p>
    <div class="table-wrap">
      <table class="apparatus-table">
        <thead><tr>
          <th scope="col">№</th><th scope="col"><xsl:sequence select="h:t('paragraph-abbr')"/></th>
          <th scope="col"><xsl:sequence select="h:t('correction')"/></th><th scope="col"><xsl:sequence select="h:t('witness')"/></th>
          <th scope="col"><xsl:sequence select="h:t('certainty')"/></th><th scope="col"><xsl:sequence select="h:t('notes')"/></th>
        </tr></thead>
        <tbody>
          <xsl:for-each select="$apps">
            <xsl:variable name="n" select="kse:app-number(.)"/>
            <xsl:variable name="kind" select="kse:intervention-kind(.)"/>
            <xsl:variable name="block" select="kse:block-of(.)"/>
            <tr id="a{$n}" class="kind-{$kind}">
              <td class="num"><a href="text.html#app-{$n}"><xsl:value-of select="$n"/></a></td>
              <td class="num"><xsl:if test="$block"><a href="text.html#{kse:block-id($block)}"><xsl:value-of select="kse:block-number($block)"/></a></xsl:if></td>
              <td class="corr-cell">
                <xsl:choose>
                  <xsl:when test="$kind = ('sic', 'note')"><span class="app-kind"><xsl:sequence select="h:t('kind-' || $kind)"/></span></xsl:when>
                  <xsl:otherwise><xsl:value-of select="kse:text(kse:correction(.), 'reading')"/></xsl:otherwise>
                </xsl:choose>
              </td>
              <td class="sic-cell"><xsl:value-of select="string-join(kse:witness(.) ! kse:text(., 'diplomatic'), ' | ')"/></td>
              <td><xsl:call-template name="h:cert"><xsl:with-param name="cert" select="kse:cert(.)"/></xsl:call-template></td>
              <td class="note-cell" lang="en"><xsl:for-each select="kse:notes-of(.)"><p><xsl:apply-templates mode="h:plain"/></p></xsl:for-each></td>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
    </div>
  </xsl:template>
</xsl:stylesheet>
