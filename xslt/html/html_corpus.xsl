<?xml version="1.0" encoding="UTF-8"?>
<!--
  html_corpus.xsl — the pages of a corpus that span its documents: the collection, the merged registers and
  chronology, the search page (the layout is described in html_corpus_doc.xsl).

  INPUT. The principal source is the corpus's header, a teiCorpus the builder makes from the project file
  (its title names the site). What to write comes as the parameter `job`, JSON made by
  tools/targets/corpus.py from the documents' contributions (html_contrib.xsl); only the pages it lists are
  written, so that a build after a small change renders only the pages that change:
    pages     which of 'collection', 'registers', 'chronology', 'search' to write (their index pages)
    docs      every document, in the order of the collection: folder ('STEM/'), title, title-lang, date
              ({attrs, text} or null), authors[], words, paragraphs, corrections
    index     {persons|places|orgs: [[id, entry-xml or '', mentions, documents], …]}  every entry, for the
              register pages (an entry-xml '' means: in the shared registers, the parameter `registers`)
    entries   [[id, kind, entry-xml or '', [[doc, anchor, n, form], …]], …]  the entries whose own pages to
              write, with every occurrence (doc = the index of the document in `docs`, from 0)
    years     [[year, [[doc, anchor, n, attrs, text, before, match, after, sort], …]], …]  the years whose
              chronology pages to write, rows in date order
    year-index [[year, count], …]  every year, for chronology.html
  Entries are sorted, named and dated by the common layer (kse:entry-sort-name, kse:entry-name,
  kse:format-date …), as on the pages of a single document. Everything from the job is text, escaped by the
  serializer.
  The principal result is a manifest: one written file per line.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:array="http://www.w3.org/2005/xpath-functions/array"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:kse="urn:kse:xslt"
  xmlns:h="urn:kse:html"
  exclude-result-prefixes="#all">
  <xsl:import href="html_corpus_doc.xsl"/>

  <xsl:param name="job" as="xs:string" select="'{}'"/>
  <xsl:variable name="j" as="map(*)" select="parse-json($job)"/>
  <xsl:variable name="docs" as="map(*)*" select="$j?docs?*"/>
  <xsl:variable name="pages" as="xs:string*" select="$j?pages?*"/>

  <xsl:variable name="h:site-root" as="xs:string" select="''"/>
  <xsl:variable name="h:home" as="xs:string" select="'index.html'"/>
  <xsl:variable name="h:nav" as="map(xs:string, item())*" select="(map{'file': 'index.html', 'key': 'collection'}, $h:corpus-nav)"/>

  <xsl:template match="/">
    <xsl:if test="$pages = 'collection'">
      <xsl:call-template name="h:corpus-page">
        <xsl:with-param name="file" select="'index.html'"/><xsl:with-param name="key" select="'collection'"/>
        <xsl:with-param name="content"><xsl:call-template name="h:collection-page"/></xsl:with-param>
        <xsl:with-param name="scripts" select="'assets/search.js', 'assets/corpus.js'"/>
      </xsl:call-template>
    </xsl:if>
    <xsl:if test="$pages = 'search'">
      <xsl:call-template name="h:corpus-page">
        <xsl:with-param name="file" select="'search.html'"/><xsl:with-param name="key" select="'search'"/>
        <xsl:with-param name="content"><xsl:call-template name="h:search-page"/></xsl:with-param>
        <xsl:with-param name="scripts" select="'assets/search.js'"/>
      </xsl:call-template>
      <xsl:call-template name="h:labels-js"/>
      <xsl:value-of select="'assets/labels.js&#10;'"/>
    </xsl:if>
    <xsl:if test="$pages = 'registers'">
      <xsl:for-each select="('persons', 'places', 'orgs')">
        <xsl:variable name="kind" select="."/>
        <xsl:call-template name="h:corpus-page">
          <xsl:with-param name="file" select="$kind || '.html'"/><xsl:with-param name="key" select="$kind"/>
          <xsl:with-param name="content"><xsl:call-template name="h:register-index"><xsl:with-param name="kind" select="$kind"/></xsl:call-template></xsl:with-param>
        </xsl:call-template>
      </xsl:for-each>
    </xsl:if>
    <xsl:for-each select="$j?entries?*">
      <xsl:variable name="row" select="."/>
      <xsl:call-template name="h:corpus-page">
        <xsl:with-param name="file" select="$row(2) || '/' || $row(1) || '.html'"/><xsl:with-param name="key" select="string($row(2))"/>
        <xsl:with-param name="root" select="'../'"/>
        <xsl:with-param name="content"><xsl:call-template name="h:entry-page"><xsl:with-param name="entry" select="h:entry-element($row(1), $row(3))"/><xsl:with-param name="occ" select="$row(4)?*"/></xsl:call-template></xsl:with-param>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:if test="$pages = 'chronology'">
      <xsl:call-template name="h:corpus-page">
        <xsl:with-param name="file" select="'chronology.html'"/><xsl:with-param name="key" select="'chronology'"/>
        <xsl:with-param name="content"><xsl:call-template name="h:year-index"/></xsl:with-param>
      </xsl:call-template>
    </xsl:if>
    <xsl:for-each select="$j?years?*">
      <xsl:variable name="row" select="."/>
      <xsl:call-template name="h:corpus-page">
        <xsl:with-param name="file" select="'chronology/' || $row(1) || '.html'"/><xsl:with-param name="key" select="'chronology'"/>
        <xsl:with-param name="root" select="'../'"/>
        <xsl:with-param name="content"><xsl:call-template name="h:year-page"><xsl:with-param name="year" select="string($row(1))"/><xsl:with-param name="rows" select="$row(2)?*"/></xsl:call-template></xsl:with-param>
      </xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <!-- one page of the corpus, written with the frame of every page (h:page needs the header as its
       context), and its name on a line of the manifest -->
  <xsl:template name="h:corpus-page">
    <xsl:param name="file" as="xs:string"/>
    <xsl:param name="key" as="xs:string"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:param name="scripts" as="xs:string*" select="()"/>
    <xsl:param name="root" as="xs:string" select="''"/>
    <xsl:for-each select="$kse:principal-root">
      <xsl:call-template name="h:page">
        <xsl:with-param name="file" select="$file"/><xsl:with-param name="key" select="$key"/>
        <xsl:with-param name="content" select="$content"/><xsl:with-param name="scripts" select="$scripts"/>
        <xsl:with-param name="root" select="$root"/>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:value-of select="$file || '&#10;'"/>
  </xsl:template>

  <!-- a register entry: a document's own (its TEI, serialized in the contribution) or a shared one -->
  <xsl:function name="h:entry-element" as="element()?">
    <xsl:param name="id" as="xs:string"/>
    <xsl:param name="xml" as="xs:string"/>
    <xsl:sequence select="if ($xml != '') then parse-xml($xml)/*
                          else if (exists($registers)) then key('kse:id', $id, $registers)[1] else ()"/>
  </xsl:function>

  <!-- a document's date, formatted by the common layer from its attributes -->
  <xsl:function name="h:date-element" as="element()?">
    <xsl:param name="d" as="item()?"/>
    <xsl:if test="exists($d) and $d instance of map(*)">
      <tei:date>
        <xsl:for-each select="map:keys($d?attrs)"><xsl:attribute name="{.}" select="$d?attrs(.)"/></xsl:for-each>
        <xsl:value-of select="$d?text"/>
      </tei:date>
    </xsl:if>
  </xsl:function>
  <xsl:function name="h:date-display" as="node()*">
    <xsl:param name="d" as="element()?"/>
    <xsl:choose>
      <xsl:when test="$d/(@when, @from, @to, @notBefore, @notAfter)"><xsl:sequence select="h:date-value($d)"/></xsl:when>
      <xsl:when test="$d"><xsl:value-of select="$d"/></xsl:when>
    </xsl:choose>
  </xsl:function>

  <!-- ============ index.html: the collection ============ -->
  <xsl:template name="h:collection-page">
    <h1 lang="{$h:text-lang}"><xsl:value-of select="$h:title"/></h1>
    <p class="lead"><xsl:value-of select="count($docs)"/><xsl:text> </xsl:text><span><xsl:sequence select="h:t('documents')"/></span>
      <span class="collection-shown" hidden=""> · <span class="n"/><xsl:text> </xsl:text><span><xsl:sequence select="h:t('shown')"/></span></span></p>
    <form class="collection-filter" role="search" onsubmit="return false">
      <label for="collection-filter" class="visually-hidden"><xsl:sequence select="h:t('filter-label')"/></label>
      <input type="search" id="collection-filter" autocomplete="off"><xsl:sequence select="h:label-attr('placeholder', 'filter')"/></input>
    </form>
    <div class="table-wrap">
      <table class="collection" id="collection">
        <thead><tr>
          <xsl:for-each select="('doc-title', 'doc-date', 'doc-author', 'doc-size')">
            <th scope="col" class="{.}" data-sort="{.}" aria-sort="{if (position() = 1) then 'none' else 'none'}">
              <button type="button" class="sort"><xsl:sequence select="h:t(.)"/></button></th>
          </xsl:for-each>
        </tr></thead>
        <tbody>
          <xsl:for-each select="$docs">
            <xsl:variable name="date" select="h:date-element(?date)"/>
            <tr data-doc-title="{kse:sort-key(?title)}" data-doc-date="{($date ! kse:date-sort-key(.), '')[1]}"
                data-doc-author="{kse:sort-key(string-join(?authors?*, '; '))}" data-doc-size="{?words}">
              <td class="doc-title"><a href="{?folder}index.html" lang="{(?title-lang[. != ''], $h:text-lang)[1]}"><xsl:value-of select="?title"/></a></td>
              <td class="doc-date"><xsl:sequence select="h:date-display($date)"/></td>
              <td class="doc-author"><xsl:value-of select="?authors?*" separator="; "/></td>
              <td class="doc-size num"><xsl:value-of select="format-integer(xs:integer(?words), '#&#x202F;##0')"/></td>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
    </div>
  </xsl:template>

  <!-- ============ persons.html, places.html, orgs.html: every entry of the corpus ============ -->
  <xsl:template name="h:register-index">
    <xsl:param name="kind" as="xs:string"/>
    <xsl:variable name="rows" select="$j?index($kind)?*"/>
    <xsl:variable name="entries" as="element()*">
      <xsl:for-each select="$rows">
        <xsl:variable name="row" select="."/>
        <xsl:for-each select="h:entry-element($row(1), $row(2))">
          <h:e id="{$row(1)}" n="{$row(3)}" docs="{$row(4)}" sort="{kse:sort-key(kse:entry-sort-name(.))}"
            name="{kse:entry-name(., 'kk')}" en="{kse:entry-name(., 'en')}" life="{kse:entry-life(.)}"
            role="{kse:entry-role(., 'en')}" initial="{upper-case(substring(kse:entry-sort-name(.), 1, 1))}"/>
        </xsl:for-each>
      </xsl:for-each>
    </xsl:variable>
    <h1><xsl:sequence select="h:t($kind)"/></h1>
    <p class="lead"><xsl:value-of select="count($entries)"/></p>
    <xsl:variable name="sorted" as="element()*"><xsl:perform-sort select="$entries"><xsl:sort select="@sort"/></xsl:perform-sort></xsl:variable>
    <xsl:if test="count($sorted) gt 12">
      <nav class="alpha" aria-label="А–Я"><xsl:for-each-group select="$sorted" group-adjacent="string(@initial)"><a href="#letter-{current-grouping-key()}"><xsl:value-of select="current-grouping-key()"/></a><xsl:text> </xsl:text></xsl:for-each-group></nav>
    </xsl:if>
    <xsl:for-each-group select="$sorted" group-adjacent="string(@initial)">
      <section class="letter" id="letter-{current-grouping-key()}">
        <h2 class="letter-head"><xsl:value-of select="current-grouping-key()"/></h2>
        <ul class="register-index">
          <xsl:for-each select="current-group()">
            <li id="{@id}"><a class="entry-link" href="{$kind}/{encode-for-uri(@id)}.html"><xsl:value-of select="@name"/></a>
              <xsl:if test="@life != ''"><xsl:text> </xsl:text><span class="life">(<xsl:value-of select="@life"/>)</span></xsl:if>
              <xsl:if test="@en != @name"><xsl:text> </xsl:text><span class="entry-en" lang="en"><xsl:value-of select="@en"/></span></xsl:if>
              <xsl:if test="@n != '0'"><xsl:text> </xsl:text><span class="count"><xsl:value-of select="@n"/><xsl:text> </xsl:text><span><xsl:sequence select="h:t('mentions')"/></span>,
                <xsl:value-of select="@docs"/><xsl:text> </xsl:text><span><xsl:sequence select="h:t('in-documents')"/></span></span></xsl:if>
              <xsl:if test="@role != ''"><span class="role" lang="en"><xsl:value-of select="@role"/></span></xsl:if>
            </li>
          </xsl:for-each>
        </ul>
      </section>
    </xsl:for-each-group>
  </xsl:template>

  <!-- ============ persons/ID.html …: one entry and every occurrence in the corpus ============ -->
  <xsl:template name="h:entry-page">
    <xsl:param name="entry" as="element()?"/>
    <xsl:param name="occ" as="array(*)*"/>
    <xsl:variable name="kind" select="($entry ! kse:register-kind(.), 'other')[1]"/>
    <p class="crumbs"><a href="../{$kind}.html"><xsl:sequence select="h:t($kind)"/></a></p>
    <xsl:for-each select="$entry">
      <xsl:variable name="life" select="kse:entry-life(.)"/>
      <xsl:variable name="en" select="kse:entry-name(., 'en')"/>
      <article class="entry entry-page" id="{@xml:id}">
        <h1 class="entry-name"><xsl:value-of select="kse:entry-name(., 'kk')"/>
          <xsl:if test="$life != ''"><xsl:text> </xsl:text><span class="life">(<xsl:value-of select="$life"/>)</span></xsl:if>
          <xsl:if test="$en != kse:entry-name(., 'kk')"><xsl:text> </xsl:text><span class="entry-en" lang="en"><xsl:value-of select="$en"/></span></xsl:if>
        </h1>
        <xsl:variable name="variants" select="kse:entry-variants(.)"/>
        <xsl:if test="exists($variants)">
          <p class="variants"><span class="field"><xsl:sequence select="h:t('variants')"/></span><xsl:text>: </xsl:text>
            <xsl:value-of select="$variants" separator=" · "/></p>
        </xsl:if>
        <xsl:variable name="role" select="string-join(((tei:occupation | tei:roleName | tei:state | tei:desc | tei:note) ! normalize-space(.)), '. ')"/>
        <xsl:if test="$role != ''"><p class="role" lang="en"><xsl:value-of select="$role"/></p></xsl:if>
      </article>
    </xsl:for-each>
    <h2><span><xsl:sequence select="h:t('occurrences')"/></span>
      <xsl:text> (</xsl:text><xsl:value-of select="count($occ)"/><xsl:text>, </xsl:text>
      <xsl:value-of select="count(distinct-values($occ ! .(1)))"/><xsl:text> </xsl:text><span><xsl:sequence select="h:t('in-documents')"/></span>)</h2>
    <dl class="occ-by-doc">
      <xsl:for-each-group select="$occ" group-adjacent=".(1)">
        <xsl:variable name="k" select="current-grouping-key()"/>
        <xsl:variable name="doc" select="$docs[$k + 1]"/>
        <dt><a href="../{$doc?folder}index.html" lang="{($doc?title-lang[. != ''], $h:text-lang)[1]}"><xsl:value-of select="$doc?title"/></a></dt>
        <dd><ul class="occ-list">
          <xsl:for-each select="current-group()">
            <li><a href="../{$doc?folder}text.html#{encode-for-uri(.(2))}"><span class="occ-n"><xsl:value-of select="(.(3)[. != ''], '·')[1]"/></span><xsl:text> </xsl:text><span class="occ-form" lang="{$h:text-lang}"><xsl:value-of select=".(4)"/></span></a></li>
          </xsl:for-each>
        </ul></dd>
      </xsl:for-each-group>
    </dl>
  </xsl:template>

  <!-- ============ chronology.html: the years; chronology/YEAR.html: the dates of a year ============ -->
  <xsl:template name="h:year-index">
    <xsl:variable name="years" select="$j?year-index?*"/>
    <h1><xsl:sequence select="h:t('chronology')"/></h1>
    <p class="lead"><xsl:value-of select="sum($years ! .(2))"/><xsl:text> </xsl:text><span><xsl:sequence select="h:t('st-dates')"/></span></p>
    <ul class="year-index">
      <xsl:for-each select="$years">
        <li><a href="chronology/{.(1)}.html"><xsl:value-of select="h:year-label(.(1))"/></a>
          <xsl:text> </xsl:text><span class="count"><xsl:value-of select=".(2)"/></span></li>
      </xsl:for-each>
    </ul>
  </xsl:template>

  <xsl:function name="h:year-label" as="xs:string">
    <xsl:param name="year" as="xs:string"/>
    <xsl:sequence select="if ($year = 'undated') then '…' else $year"/>
  </xsl:function>

  <xsl:template name="h:year-page">
    <xsl:param name="year" as="xs:string"/>
    <xsl:param name="rows" as="array(*)*"/>
    <p class="crumbs"><a href="../chronology.html"><xsl:sequence select="h:t('chronology')"/></a></p>
    <h1><xsl:value-of select="h:year-label($year)"/></h1>
    <p class="lead"><xsl:value-of select="count($rows)"/><xsl:text> </xsl:text><span><xsl:sequence select="h:t('st-dates')"/></span></p>
    <div class="table-wrap">
      <table class="chronology">
        <thead><tr>
          <th scope="col"><xsl:sequence select="h:t('date')"/></th>
          <th scope="col"><xsl:sequence select="h:t('sentence')"/></th>
          <th scope="col"><xsl:sequence select="h:t('document')"/></th>
        </tr></thead>
        <tbody>
          <xsl:for-each select="$rows">
            <xsl:variable name="row" select="."/>
            <xsl:variable name="doc" select="$docs[$row(1) + 1]"/>
            <xsl:variable name="d" select="h:date-element(map{'attrs': .(4), 'text': .(5)})"/>
            <xsl:variable name="href" select="'../' || $doc?folder || 'text.html#' || encode-for-uri(.(2))"/>
            <tr>
              <th scope="row" class="chrono-date"><span><xsl:sequence select="h:date-value($d)"/></span></th>
              <td class="chrono-sentence" lang="{$h:text-lang}"><xsl:value-of select=".(6)"/><a class="chrono-link" href="{$href}"><mark><xsl:value-of select=".(7)"/></mark></a><xsl:value-of select=".(8)"/></td>
              <td class="chrono-doc"><a href="{$href}"><span lang="{($doc?title-lang[. != ''], $h:text-lang)[1]}"><xsl:value-of select="$doc?title"/></span><xsl:if test=".(3) != ''">, ¶&#xA0;<xsl:value-of select=".(3)"/></xsl:if></a></td>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
    </div>
  </xsl:template>
</xsl:stylesheet>
