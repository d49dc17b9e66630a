<?xml version="1.0" encoding="UTF-8"?>
<!--
  print_front.xsl — the front matter of the print edition, all of it from the teiHeader.

  Title page (main title, subtitle, responsibility, edition, imprint); colophon on its verso (licence,
  identifier, printed source, revisions, typeface); the editorial introduction (projectDesc, the two
  source descriptions, the editorialDecl sections, the statistics of the markup from kse:stats()); sigla
  and the abbreviations of the org register (orgName[@type='abbr'] → full name, English name).
  Header prose (p, q, gi, att, val, ref, date, title) is rendered by the templates in mode kp:prose.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:kse="urn:kse:xslt"
  xmlns:kp="urn:kse:print"
  exclude-result-prefixes="#all">

  <xsl:template name="kp:title-page">
    <xsl:variable name="h" select="/tei:TEI/tei:teiHeader/tei:fileDesc"/>
    <xsl:variable name="print" select="($h/tei:sourceDesc/tei:bibl[@type = 'print'], $h/tei:sourceDesc/tei:bibl)[1]"/>
    <section class="titlepage" id="title-page">
      <div class="series">
        <xsl:value-of select="string-join(($print/tei:title[@level = 'm'], $print/tei:date) ! normalize-space(.), ' · ')"/>
      </div>
      <h1><xsl:value-of select="kp:main-title(/)"/></h1>
      <xsl:for-each select="$h/tei:titleStmt/tei:title[@type = 'sub']">
        <div class="subtitle" lang="{(@xml:lang, $lang)[1]}"><xsl:value-of select="normalize-space(.)"/></div>
      </xsl:for-each>
      <div class="rule"/>
      <div class="resp">
        <xsl:value-of select="kp:l('edition')"/>
        <br/>
        <xsl:value-of select="normalize-space(($h/tei:titleStmt/tei:respStmt[@xml:id = 'ed']/(tei:orgName | tei:name | tei:persName))[1])"/>
      </div>
      <xsl:for-each select="$h/tei:editionStmt/tei:edition">
        <div class="edition"><xsl:apply-templates mode="kp:prose"/>
          <!-- in the language of the edition statement, not of the labels -->
          <xsl:variable name="in" select="kp:lang-of(.)"/>
          <xsl:if test="@n"> · <xsl:value-of select="kse:label('version', $in)"/>&#xA0;<xsl:value-of select="@n"/></xsl:if>
          <xsl:if test="$h/../tei:revisionDesc/@status = 'draft'"> · <xsl:value-of select="kse:label('status-draft', $in)"/></xsl:if></div>
      </xsl:for-each>
      <div class="imprint">
        <xsl:value-of select="string-join(($h/tei:publicationStmt/(tei:publisher, tei:pubPlace, tei:date)) ! normalize-space(.), ' · ')"/>
      </div>
    </section>
  </xsl:template>

  <xsl:template name="kp:colophon">
    <xsl:variable name="h" select="/tei:TEI/tei:teiHeader"/>
    <section class="colophon" id="colophon">
      <div class="inner">
        <p><span class="label"><xsl:value-of select="kp:l('responsibility')"/></span>
          <xsl:for-each select="$h/tei:fileDesc/tei:titleStmt/tei:respStmt">
            <xsl:value-of select="normalize-space((tei:orgName | tei:name | tei:persName)[1])"/>
            <xsl:text>: </xsl:text><xsl:value-of select="normalize-space(tei:resp)"/>
            <xsl:if test="position() != last()"><br/></xsl:if>
          </xsl:for-each>
        </p>
        <p><span class="label"><xsl:value-of select="kp:l('edition-stmt')"/></span>
          <xsl:for-each select="$h/tei:fileDesc/tei:editionStmt/tei:edition">
            <xsl:apply-templates mode="kp:prose"/>
            <xsl:variable name="in" select="kp:lang-of(.)"/>
            <xsl:variable name="state" select="(@n ! (kse:label('version', $in) || '&#xA0;' || .),
                                                 kse:label('status-draft', $in)[$h/tei:revisionDesc/@status = 'draft'])"/>
            <xsl:if test="exists($state)"> (<xsl:value-of select="$state" separator="; "/>)</xsl:if>
          </xsl:for-each>
          <xsl:text>. </xsl:text>
          <xsl:value-of select="string-join($h/tei:fileDesc/tei:publicationStmt/(tei:publisher, tei:pubPlace, tei:date) ! normalize-space(.), ', ')"/>.
        </p>
        <xsl:for-each select="$h/tei:fileDesc/tei:publicationStmt/tei:availability/tei:licence">
          <p><span class="label"><xsl:value-of select="kp:l('licence')"/></span>
            <xsl:apply-templates mode="kp:prose"/>
            <xsl:if test="@target"><br/><xsl:value-of select="@target"/></xsl:if></p>
        </xsl:for-each>
        <xsl:for-each select="$h/tei:fileDesc/tei:publicationStmt/tei:idno">
          <p><span class="label"><xsl:value-of select="kp:l('identifier')"/></span><xsl:value-of select="."/></p>
        </xsl:for-each>
        <xsl:for-each select="($h/tei:fileDesc/tei:sourceDesc/tei:bibl[@type = 'print'])[1]">
          <p><span class="label"><xsl:value-of select="kp:l('source-print')"/></span>
            <xsl:value-of select="kp:bibl-line(.)"/></p>
        </xsl:for-each>
        <!-- the latest revisions only (the colophon stands at the foot of one page); the rest are counted -->
        <xsl:variable name="changes" select="$h/tei:revisionDesc/tei:change"/>
        <xsl:if test="$changes">
          <p><span class="label"><xsl:value-of select="kp:l('revision')"/></span>
            <xsl:for-each select="subsequence($changes, 1, $kp:colophon-changes)">
              <xsl:value-of select="@when"/><xsl:text>: </xsl:text>
              <span lang="{kp:lang-of(.)}"><xsl:apply-templates mode="kp:prose"/></span>
              <xsl:if test="position() != last()"><br/></xsl:if>
            </xsl:for-each>
            <xsl:if test="count($changes) gt $kp:colophon-changes">
              <br/><xsl:value-of select="replace(kp:l('revision-more'), '\{n\}', string(count($changes) - $kp:colophon-changes))"/>
            </xsl:if></p>
        </xsl:if>
        <p class="fonts"><span class="label"><xsl:value-of select="kp:l('typeset')"/></span>
          <xsl:value-of select="$typeface"/>. <xsl:value-of select="kp:l('generated')"/> (kse-edition-tools, WeasyPrint).</p>
      </div>
    </section>
  </xsl:template>

  <xsl:variable name="kp:colophon-changes" as="xs:integer" select="3"/>

  <!-- the language a TEI element is written in (its own or its nearest ancestor's xml:lang), 'kk' or 'en' -->
  <xsl:function name="kp:lang-of" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="if (starts-with(($e/ancestor-or-self::*/@xml:lang)[last()], 'en')) then 'en' else 'kk'"/>
  </xsl:function>

  <xsl:function name="kp:bibl-line" as="xs:string">
    <xsl:param name="b" as="element(tei:bibl)"/>
    <!-- a title without @level is the work itself (a web page, say): quoted like an article -->
    <xsl:sequence select="string-join((
        $b/tei:title[@level = 'a' or not(@level)] ! ('«' || normalize-space(.) || '»'),
        $b/tei:title[@level = ('m', 'j', 's')] ! normalize-space(.),
        string-join(($b/tei:pubPlace, $b/tei:publisher, $b/tei:date) ! normalize-space(.), ', '),
        $b/tei:biblScope ! ((if (@unit = 'page') then kp:l('page-abbr') ! (upper-case(substring(., 1, 1)) || substring(., 2)) || '&#xA0;' else '') || normalize-space(.)))
        [. != ''], '. ')"/>
  </xsl:function>

  <xsl:template name="kp:introduction">
    <xsl:variable name="h" select="/tei:TEI/tei:teiHeader"/>
    <xsl:variable name="st" select="kse:stats(/)"/>
    <section class="front" id="introduction" lang="en">
      <h1 lang="{$lang}"><xsl:value-of select="kp:l('introduction')"/></h1>
      <xsl:apply-templates select="$h/tei:encodingDesc/tei:projectDesc/tei:p" mode="kp:prose"/>
      <h2 lang="{$lang}"><xsl:value-of select="kp:l('sources')"/></h2>
      <xsl:for-each select="$h/tei:fileDesc/tei:sourceDesc/tei:bibl">
        <p>
          <xsl:if test="@type = 'web'"><b><xsl:value-of select="$witness-siglum"/></b><xsl:text> — </xsl:text></xsl:if>
          <span lang="kk"><xsl:value-of select="kp:bibl-line(.)"/></span><xsl:text>. </xsl:text>
          <xsl:apply-templates select="tei:note" mode="kp:prose"/>
        </p>
      </xsl:for-each>
      <h2 lang="{$lang}"><xsl:value-of select="kp:l('principles')"/></h2>
      <xsl:apply-templates select="$h/tei:encodingDesc/tei:editorialDecl/*/tei:p" mode="kp:prose"/>
      <h2 lang="{$lang}"><xsl:value-of select="kp:l('statistics')"/></h2>
      <p lang="{$lang}">
        <xsl:value-of select="string-join((
          $st('paragraphs') || ' ' || kp:l('st-paragraphs'),
          $st('words') || ' ' || kp:l('st-words'),
          $st('interventions') || ' ' || kp:l('st-entries') || ': ' ||
            $st('corrections') || ' ' || kp:l('st-corrections') || ' (' || kp:l('st-of-which') || ' ' ||
            string-join((kp:l('st-certain') || ' ' || $st('cert-high'), kp:l('st-cert-medium') || ' ' || $st('cert-medium'),
                         kp:l('st-cert-low') || ' ' || $st('cert-low')), ', ') || '), ' ||
            $st('entry-notes') || ' ' || kp:l('st-notes') || ', ' ||
            $st('unmended') || ' ' || kp:l('st-unmended'),
          $st('persons') || ' ' || kp:l('st-reg-persons') || ' (' || $st('persName') || ' ' || kp:l('st-mentions') || ')',
          $st('places') || ' ' || kp:l('st-reg-places') || ' (' || $st('placeName') || ' ' || kp:l('st-mentions') || ')',
          $st('orgs') || ' ' || kp:l('st-reg-orgs') || ' (' || $st('orgName') || ' ' || kp:l('st-mentions') || ')',
          $st('dates') || ' ' || kp:l('st-dates')), '; ')"/>.
      </p>
    </section>
  </xsl:template>

  <xsl:template name="kp:abbreviations">
    <xsl:variable name="orgs" select="//tei:standOff//tei:org[tei:orgName[@type = 'abbr']]"/>
    <section class="front" id="abbreviations">
      <h1><xsl:value-of select="kp:l('abbreviations')"/></h1>
      <h2><xsl:value-of select="kp:l('sigla')"/></h2>
      <dl class="abbr">
        <div><dt><xsl:value-of select="$witness-siglum"/></dt>
          <dd><xsl:value-of select="kp:l('witness-desc')"/></dd></div>
        <div><dt>]</dt>
          <dd><xsl:value-of select="kp:l('app-explain')"/></dd></div>
        <xsl:if test="//tei:text//tei:supplied">
          <div><dt>⟨ ⟩</dt>
            <dd><xsl:value-of select="kp:l('supplied-by')"/></dd></div>
        </xsl:if>
        <!-- the edition's own abbreviations (apparatus keys, chronology, indexes) -->
        <div><dt>¶</dt><dd><xsl:value-of select="kp:l('sign-paragraph')"/></dd></div>
        <div><dt><xsl:value-of select="kp:l('page-abbr')"/></dt><dd><xsl:value-of select="kp:l('sign-page')"/></dd></div>
      </dl>
      <xsl:if test="$orgs">
        <h2><xsl:value-of select="kp:l('org-abbr')"/></h2>
        <dl class="abbr">
          <xsl:for-each-group select="$orgs" group-by="normalize-space(tei:orgName[@type = 'abbr'][1])">
            <xsl:sort select="kse:sort-key(current-grouping-key())"/>
            <div><dt><xsl:value-of select="current-grouping-key()"/></dt>
            <dd>
              <xsl:for-each select="current-group()">
                <xsl:value-of select="normalize-space((tei:orgName[@type = 'full'], tei:orgName[not(@type)][not(@xml:lang = 'en')])[1])"/>
                <xsl:for-each select="tei:orgName[@xml:lang = 'en'][1]">
                  <!-- no space before the gloss, a block of its own: a space there made WeasyPrint break
                       the Kazakh line after its first word -->
                  <span class="en" lang="en">(<xsl:value-of select="normalize-space(.)"/>)</span>
                </xsl:for-each>
                <xsl:if test="position() != last()">; </xsl:if>
              </xsl:for-each>
            </dd></div>
          </xsl:for-each-group>
        </dl>
      </xsl:if>
      <!-- the other abbreviations of the text, from the edition's list (standOff/list[@type='abbreviations']) -->
      <xsl:variable name="general" select="//tei:standOff//tei:list[@type = 'abbreviations']/tei:item[tei:abbr]"/>
      <xsl:if test="$general">
        <h2><xsl:value-of select="kp:l('general-abbr')"/></h2>
        <dl class="abbr">
          <xsl:for-each select="$general">
            <xsl:sort select="kse:sort-key(normalize-space(tei:abbr))"/>
            <div><dt><xsl:value-of select="normalize-space(tei:abbr)"/></dt>
              <dd><xsl:value-of select="normalize-space((tei:expan[not(@xml:lang = 'en')], tei:expan)[1])"/>
                <xsl:for-each select="tei:expan[@xml:lang = 'en'][1]">
                  <span class="en" lang="en">(<xsl:value-of select="normalize-space(.)"/>)</span>
                </xsl:for-each></dd></div>
          </xsl:for-each>
        </dl>
      </xsl:if>
    </section>
  </xsl:template>

  <!-- ============ header prose ============ -->
  <xsl:mode name="kp:prose" on-no-match="text-only-copy"/>
  <xsl:template match="tei:p" mode="kp:prose"><p><xsl:apply-templates mode="#current"/></p></xsl:template>
  <xsl:template match="tei:note" mode="kp:prose"><xsl:apply-templates mode="#current"/></xsl:template>
  <xsl:template match="tei:q" mode="kp:prose">“<span lang="{(@xml:lang, 'kk')[1]}"><xsl:apply-templates mode="#current"/></span>”</xsl:template>
  <xsl:template match="tei:gi" mode="kp:prose"><span class="gi">&lt;<xsl:apply-templates mode="#current"/>&gt;</span></xsl:template>
  <xsl:template match="tei:att" mode="kp:prose"><span class="att">@<xsl:apply-templates mode="#current"/></span></xsl:template>
  <xsl:template match="tei:val" mode="kp:prose"><span class="val">“<xsl:apply-templates mode="#current"/>”</span></xsl:template>
  <xsl:template match="tei:title" mode="kp:prose"><i><xsl:apply-templates mode="#current"/></i></xsl:template>
  <xsl:template match="tei:hi" mode="kp:prose"><i><xsl:apply-templates mode="#current"/></i></xsl:template>
</xsl:stylesheet>
