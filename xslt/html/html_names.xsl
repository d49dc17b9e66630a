<?xml version="1.0" encoding="UTF-8"?>
<!--
  html_names.xsl — tagged names and dates in the text, the register pages and the chronology.

  A tagged name whose @ref resolves to a register entry becomes a link to persons.html / places.html /
  orgs.html#ENTRY-ID and carries the anchor kse:occurrence-id() ('pers.lenin-3'); each register entry links
  back to every one of its anchors, showing the form the text has there. A name that does not resolve stays
  a styled span. A date becomes a span with the normalized value as its title and an anchor
  kse:date-id() ('date-p2-1', shared with the print edition) that the chronology links to. Lookups are keys from the common layer (kse:entry …).
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:kse="urn:kse:xslt"
  xmlns:h="urn:kse:html"
  exclude-result-prefixes="#all">

  <xsl:function name="h:name-kind" as="xs:string">
    <xsl:param name="name" as="element()"/>
    <xsl:variable name="entry" select="kse:entry($name)"/>
    <xsl:sequence select="if ($entry) then kse:register-kind($entry)
      else if ($name/self::tei:persName or $name/@type = 'person') then 'persons'
      else if ($name/self::tei:placeName or $name/@type = 'place') then 'places'
      else if ($name/self::tei:orgName or $name/@type = 'org') then 'orgs' else 'other'"/>
  </xsl:function>

  <!-- where a register entry is shown: on the register page of this site (a corpus build, html_corpus_doc.xsl,
       points to the corpus's page of the entry instead) -->
  <xsl:function name="h:entry-href" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:param name="kind" as="xs:string"/>
    <xsl:sequence select="$kind || '.html#' || $entry/@xml:id"/>
  </xsl:function>

  <!-- a name in the text: a link to its register entry -->
  <xsl:template match="tei:text//tei:persName | tei:text//tei:placeName | tei:text//tei:orgName | tei:text//tei:name | tei:text//tei:rs">
    <xsl:variable name="entry" select="kse:entry(.)"/>
    <xsl:variable name="kind" select="h:name-kind(.)"/>
    <xsl:choose>
      <xsl:when test="$entry and not(h:in-link(.)) and $kind != 'other'">
        <a class="name name-{$kind}" href="{h:entry-href($entry, $kind)}" id="{kse:occurrence-id(.)}">
          <xsl:attribute name="title" select="string-join((kse:entry-name($entry, $lang), kse:entry-life($entry)[. != '']), ' ')"/>
          <xsl:apply-templates/>
        </a>
      </xsl:when>
      <xsl:otherwise>
        <span class="name name-{$kind}{if (@ref and not($entry)) then ' unresolved' else ''}">
          <xsl:if test="@ref and not(h:in-link(.))"><xsl:attribute name="id" select="kse:occurrence-id(.)"/></xsl:if>
          <xsl:apply-templates/>
        </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- a date in the text: its normalized value on hover, an anchor for the chronology (kse:date-id) -->
  <xsl:function name="h:date-value" as="node()*">
    <xsl:param name="d" as="element()"/>
    <xsl:variable name="q" select="kse:date-qualifiers($d)"/>
    <xsl:sequence select="h:by-lang(function($l) { kse:format-date($d, $l) || string-join($q ! (' (' || kse:label(., $l) || ')')) })"/>
  </xsl:function>

  <xsl:template match="tei:text//tei:date">
    <span class="date" id="{kse:date-id(.)}">
      <xsl:if test="@when or @from or @to or @notBefore or @notAfter">
        <xsl:variable name="q" select="kse:date-qualifiers(.)"/>
        <xsl:variable name="d" select="."/>
        <xsl:sequence select="h:attr-by-lang('title', function($l) { kse:format-date($d, $l) || string-join($q ! (' (' || kse:label(., $l) || ')')) })"/>
        <xsl:attribute name="data-iso" select="kse:date-sort-key(.)"/>
      </xsl:if>
      <xsl:apply-templates/>
    </span>
  </xsl:template>

  <!-- a register page (persons.html, places.html, orgs.html) -->
  <xsl:template name="h:register-page">
    <xsl:param name="kind" as="xs:string"/>
    <xsl:variable name="entries" select="kse:entries(/, $kind)"/>
    <h1><xsl:sequence select="h:t($kind)"/></h1>
    <p class="lead"><xsl:value-of select="count($entries)"/></p>
    <xsl:variable name="initials" select="distinct-values($entries ! upper-case(substring(kse:entry-sort-name(.), 1, 1)))"/>
    <xsl:if test="count($entries) gt 12">
      <nav class="alpha" aria-label="А–Я"><xsl:for-each select="$initials"><a href="#letter-{.}"><xsl:value-of select="."/></a><xsl:text> </xsl:text></xsl:for-each></nav>
    </xsl:if>
    <xsl:for-each-group select="$entries" group-adjacent="upper-case(substring(kse:entry-sort-name(.), 1, 1))">
      <section class="letter" id="letter-{current-grouping-key()}">
        <h2 class="letter-head"><xsl:value-of select="current-grouping-key()"/></h2>
        <xsl:apply-templates select="current-group()" mode="h:register-entry"/>
      </section>
    </xsl:for-each-group>
  </xsl:template>

  <xsl:template match="*" mode="h:register-entry">
    <xsl:variable name="occ" select="kse:occurrences(.)"/>
    <xsl:variable name="life" select="kse:entry-life(.)"/>
    <xsl:variable name="en" select="kse:entry-name(., 'en')"/>
    <article class="entry" id="{@xml:id}">
      <h3 class="entry-name"><span lang="{$h:text-lang}"><xsl:value-of select="kse:entry-name(., 'kk')"/></span>
        <xsl:if test="$life != ''"><xsl:text> </xsl:text><span class="life">(<xsl:value-of select="$life"/>)</span></xsl:if>
        <xsl:if test="$en != kse:entry-name(., 'kk')"><xsl:text> </xsl:text><span class="entry-en" lang="en"><xsl:value-of select="$en"/></span></xsl:if>
      </h3>
      <xsl:variable name="entry" select="."/>
      <xsl:for-each select="$h:scripts">
        <p class="entry-script"><span class="field"><xsl:sequence select="h:t('in-script-' || .)"/></span><xsl:text>: </xsl:text>
          <span lang="{h:script-lang(.)}"><xsl:value-of select="h:entry-in-script($entry, .)"/></span></p>
      </xsl:for-each>
      <xsl:variable name="variants" select="kse:entry-variants(.)"/>
      <xsl:if test="exists($variants)">
        <p class="variants"><span class="field"><xsl:sequence select="h:t('variants')"/></span><xsl:text>: </xsl:text>
          <span lang="{$h:text-lang}"><xsl:value-of select="$variants" separator=" · "/></span></p>
      </xsl:if>
      <xsl:variable name="role" select="string-join(((tei:occupation | tei:roleName | tei:state | tei:desc) ! normalize-space(.)), '. ')"/>
      <xsl:if test="$role != ''"><p class="role" lang="en"><xsl:value-of select="$role"/></p></xsl:if>
      <xsl:call-template name="h:entry-fates"/>
      <xsl:if test="exists($occ)">
        <div class="occurrences"><span class="field"><xsl:sequence select="h:t('occurrences')"/></span>
          <xsl:text> (</xsl:text><xsl:value-of select="count($occ)"/><xsl:text>): </xsl:text>
          <ul class="occ-list">
            <xsl:for-each select="$occ">
              <xsl:variable name="block" select="kse:block-of(.)"/>
              <li><a href="text.html#{kse:occurrence-id(.)}"><span class="occ-n"><xsl:value-of select="($block ! kse:block-number(.), '·')[1]"/></span><xsl:text> </xsl:text><span class="occ-form" lang="{$h:text-lang}"><xsl:value-of select="kse:text(., 'reading')"/></span></a></li>
            </xsl:for-each>
          </ul>
        </div>
      </xsl:if>
    </article>
  </xsl:template>

  <!-- chronology.html: every dated expression in date order, with its sentence, one section per year; a
       timeline above (a bar per year, its height the number of dates, each a link to the year's section) -->
  <xsl:template name="h:chronology-page">
    <xsl:variable name="dates" select="kse:dates(/)"/>
    <xsl:variable name="year-of" select="function($d) { substring(kse:date-sort-key($d), 1, 4)[matches(., '^\d{4}$')] }"/>
    <xsl:variable name="years" as="xs:string*" select="distinct-values($dates ! $year-of(.))"/>
    <xsl:variable name="most" select="max(($years ! (let $y := . return count($dates[$year-of(.) = $y])), 1))"/>
    <h1><xsl:sequence select="h:t('chronology')"/></h1>
    <p class="lead"><xsl:value-of select="count($dates)"/><xsl:text> </xsl:text><span><xsl:sequence select="h:t('st-dates')"/></span></p>
    <xsl:if test="count($years) gt 1">
      <nav class="timeline">
        <xsl:sequence select="h:label-attr('aria-label', 'timeline')"/>
        <ol>
          <!-- every year from the first to the last, so that the gaps show -->
          <xsl:for-each select="xs:integer($years[1]) to xs:integer($years[last()])">
            <xsl:variable name="y" select="string(.)"/>
            <xsl:variable name="n" select="count($dates[$year-of(.) = $y])"/>
            <li style="--share: {round(100 * $n div $most)}%">
              <xsl:choose>
                <xsl:when test="$n gt 0">
                  <a href="#y{$y}"><xsl:sequence select="h:label-attr-n('title', 'dates-in-year', string($n))"/>
                    <span class="bar" aria-hidden="true"></span><span class="year"><xsl:value-of select="$y"/></span>
                    <span class="count"><xsl:value-of select="$n"/></span></a>
                </xsl:when>
                <xsl:otherwise><span class="bar" aria-hidden="true"></span><span class="year"><xsl:value-of select="$y"/></span><span class="count">0</span></xsl:otherwise>
              </xsl:choose>
            </li>
          </xsl:for-each>
        </ol>
      </nav>
    </xsl:if>
    <xsl:for-each-group select="$dates" group-adjacent="($year-of(.), '')[1]">
      <section class="chrono-year">
        <xsl:if test="current-grouping-key() != ''"><xsl:attribute name="id" select="'y' || current-grouping-key()"/></xsl:if>
        <h2 class="chrono-year-head"><xsl:value-of select="if (current-grouping-key() != '') then current-grouping-key() else '…'"/>
          <xsl:text> </xsl:text><span class="count">(<xsl:value-of select="count(current-group())"/>)</span></h2>
        <div class="table-wrap">
          <table class="chronology">
            <thead><tr>
              <th scope="col"><xsl:sequence select="h:t('date')"/></th>
              <th scope="col"><xsl:sequence select="h:t('sentence')"/></th>
              <th scope="col" class="num"><xsl:sequence select="h:t('paragraph-abbr')"/></th>
            </tr></thead>
            <tbody>
              <xsl:for-each select="current-group()">
                <xsl:variable name="s" select="kse:sentence-of(.)"/>
                <xsl:variable name="block" select="kse:block-of(.)"/>
                <tr>
                  <th scope="row" class="chrono-date"><span><xsl:sequence select="h:date-value(.)"/></span></th>
                  <td class="chrono-sentence" lang="{$h:text-lang}"><xsl:value-of select="$s?before"/><a class="chrono-link" href="text.html#{kse:date-id(.)}"><mark><xsl:value-of select="$s?match"/></mark></a><xsl:value-of select="$s?after"/></td>
                  <td class="num"><xsl:if test="$block"><a href="text.html#{kse:date-id(.)}"><xsl:value-of select="kse:block-number($block)"/></a></xsl:if></td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </div>
      </section>
    </xsl:for-each-group>
  </xsl:template>
</xsl:stylesheet>
