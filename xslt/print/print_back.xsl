<?xml version="1.0" encoding="UTF-8"?>
<!--
  print_back.xsl — the registers of the book: indexes of persons, places and organisations and the contents
  (the back matter), and the chronology (printed with the front matter: it cites paragraphs, not pages).

  Page numbers are the renderer's, never guessed: with part=back, tools/build_pdf.py passes page-map, the
  page on which the renderer laid out every anchor of the text (names carry kse:occurrence-id). An index
  entry lists the distinct pages of its occurrences, consecutive pages joined into a range (12–13), each
  number a link to the first occurrence on that page. The text is another PDF part when the back is laid
  out, so these links are written "dest:ID" and tools/pdfparts.py turns them into links to the named
  destination ID when it joins the parts. Without page-map (part=all) each occurrence becomes an
  <a class="pg" href="#id"> that print.css numbers with target-counter().
  Headings, order and grouping come from the common layer: kse:entry-heading ("Ленин, Владимир Ильич"),
  kse:entries (sorted by kse:entry-sort-name in Kazakh alphabetical order), grouped under the initial letter.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:kse="urn:kse:xslt"
  xmlns:kp="urn:kse:print"
  exclude-result-prefixes="#all">

  <!-- the builder's page maps: the text's pages (page-map) and the front matter's (front-pages, printed in
       roman numerals) -->
  <xsl:variable name="kp:pages" as="map(xs:string, xs:integer)" select="kp:page-map($page-map)"/>
  <xsl:variable name="kp:front-pages" as="map(xs:string, xs:integer)" select="kp:page-map($front-pages)"/>
  <!-- "id page id page …" → map{id: page} -->
  <xsl:function name="kp:page-map" as="map(xs:string, xs:integer)">
    <xsl:param name="s" as="xs:string"/>
    <xsl:variable name="t" select="tokenize(normalize-space($s), ' ')"/>
    <xsl:sequence select="map:merge(for $i in 1 to count($t) idiv 2
                          return map{$t[2 * $i - 1]: xs:integer($t[2 * $i])}, map{'duplicates': 'use-first'})"/>
  </xsl:function>

  <xsl:template name="kp:indexes">
    <xsl:for-each select="('persons', 'places', 'orgs')[. = tokenize($indexes)]">
      <xsl:variable name="kind" select="."/>
      <xsl:variable name="entries" select="kse:entries($kp:root, $kind)[exists(kse:occurrences(.))]"/>
      <xsl:if test="exists($entries)">
        <section class="back index" id="index-{$kind}">
          <h1><xsl:value-of select="kp:l('index-' || $kind)"/></h1>
          <p class="intro-note"><xsl:value-of select="kp:l('index-note')"/></p>
          <div class="columns">
            <!-- kse:entries() is already in the order of kse:entry-sort-name (persons by surname) -->
            <xsl:for-each-group select="$entries" group-adjacent="upper-case(substring(replace(kse:entry-sort-name(.), '^\W+', ''), 1, 1))">
              <div class="index-letter"><xsl:value-of select="current-grouping-key()"/></div>
              <xsl:apply-templates select="current-group()" mode="kp:index-entry"/>
            </xsl:for-each-group>
          </div>
        </section>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>
  <xsl:variable name="kp:root" select="/"/>

  <xsl:template match="*" mode="kp:index-entry">
    <xsl:variable name="life" select="kse:entry-life(.)"/>
    <xsl:variable name="role" select="kse:entry-role(., $lang)"/>
    <xsl:variable name="abbr" select="tei:orgName[@type = 'abbr'][1]"/>
    <div class="index-entry" id="ix-{@xml:id}">
      <span class="head"><xsl:value-of select="kse:entry-heading(.)"/></span>
      <xsl:if test="$abbr"> (<xsl:value-of select="normalize-space($abbr)"/>)</xsl:if>
      <xsl:if test="$life != ''"><span class="life"> (<xsl:value-of select="$life"/>)</span></xsl:if>
      <xsl:variable name="also" select="kp:other-forms(.)"/>
      <xsl:if test="exists($also)">
        <span class="forms"> (<xsl:value-of select="kp:l('index-in-text')"/>: <xsl:value-of
          select="$also ! kp:tie-initials(.)" separator=", "/>)</span>
      </xsl:if>
      <!-- the pages follow a comma, or a semicolon after a description, which may end in a number or a
           sentence of its own ("… created in 1932; 10, 24, 27–28") -->
      <xsl:if test="$role != ''"><xsl:text>, </xsl:text><span class="role" lang="en"><xsl:value-of
        select="kp:tie-initials(replace($role, '\.$', ''))"/></span></xsl:if>
      <!-- a no-break space: the first page number never stands alone at the start of a line -->
      <xsl:value-of select="if ($role != '') then ';&#xA0;' else ',&#xA0;'"/>
      <xsl:call-template name="kp:pages">
        <xsl:with-param name="ids" select="kse:occurrences(.) ! kse:occurrence-id(.)"/>
      </xsl:call-template>
    </div>
  </xsl:template>

  <!-- The forms of a person's name in the text that a reader would not find under the heading: another
       surname ("Кошкінбаев" for Көшкінбаев, "Ильич" for Lenin) or an initial that is not the given name's
       ("А. Досов" for Ә. И. Досов). Initials of the given names, a patronymic the heading lacks ("О. К.
       Жандосов") and spacing ("С.Сейфуллин") are not differences. -->
  <xsl:function name="kp:other-forms" as="xs:string*">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="name" select="kp:name-words(($entry/tei:persName[@type = 'normalized'], $entry/tei:persName)[1])"/>
    <xsl:sequence select="distinct-values(
        for $v in $entry/self::tei:person/tei:persName[@type = 'variant']
        return let $w := kp:name-words($v)
        return string-join($w, ' ')[$w[last()] ne $name[last()]
              or (some $i in 1 to min((count($w), count($name))) - 1
                  satisfies substring($w[$i], 1, 1) ne substring($name[$i], 1, 1))])"/>
  </xsl:function>
  <xsl:function name="kp:name-words" as="xs:string*">
    <xsl:param name="n" as="element()?"/>
    <xsl:sequence select="tokenize(normalize-space(replace(string($n), '\.', '. ')), ' ')"/>
  </xsl:function>

  <!-- page numbers of a list of anchors: distinct, ascending, runs joined, each linked -->
  <xsl:template name="kp:pages">
    <xsl:param name="ids" as="xs:string*"/>
    <span class="pages">
      <xsl:choose>
        <xsl:when test="map:size($kp:pages) = 0">
          <xsl:for-each select="$ids">
            <a class="pg" href="{kp:href(.)}"/><xsl:if test="position() != last()">, </xsl:if>
          </xsl:for-each>
        </xsl:when>
        <xsl:otherwise>
          <xsl:variable name="pages" select="sort(distinct-values($ids ! $kp:pages(.)))" as="xs:integer*"/>
          <!-- a page starts a run unless the previous page is its predecessor -->
          <xsl:variable name="starts" select="for $i in 1 to count($pages)
                return $i[$i = 1 or $pages[$i - 1] ne $pages[$i] - 1]"/>
          <xsl:for-each select="$starts">
            <xsl:variable name="k" select="position()"/>
            <xsl:variable name="first" select="$pages[current()]"/>
            <xsl:variable name="last" select="$pages[(($starts[$k + 1], count($pages) + 1)[1]) - 1]"/>
            <xsl:choose>
              <xsl:when test="$last gt $first">  <!-- a run is not broken at its dash -->
                <span class="run"><a href="{kp:href($ids[$kp:pages(.) = $first][1])}"><xsl:value-of select="$first"/></a>–<a
                  href="{kp:href($ids[$kp:pages(.) = $last][1])}"><xsl:value-of select="$last"/></a></span>
              </xsl:when>
              <xsl:otherwise><a href="{kp:href($ids[$kp:pages(.) = $first][1])}"><xsl:value-of select="$first"/></a></xsl:otherwise>
            </xsl:choose>
            <xsl:if test="position() != last()">, </xsl:if>
          </xsl:for-each>
        </xsl:otherwise>
      </xsl:choose>
    </span>
  </xsl:template>

  <!-- a link to an anchor of the text: in part=back the text is another PDF part (see the header) -->
  <xsl:function name="kp:href" as="xs:string">
    <xsl:param name="id" as="xs:string"/>
    <xsl:sequence select="(if ($part = 'back') then 'dest:' else '#') || $id"/>
  </xsl:function>

  <!-- ============ contents, at the end of the book as in Kazakh and Russian books of the time ============
       The front matter's sections take their pages from front-pages (in roman numerals), the text its first page from
       the page map of its layout; the back matter, laid out with this list, asks target-counter(). With
       part=all every entry asks target-counter(). -->
  <xsl:template name="kp:contents">
    <xsl:variable name="laid-out" as="map(xs:string, xs:string)" select="map:merge((
        map:for-each($kp:front-pages, function ($k, $v) { map{$k: format-integer($v, 'i')} }),
        map:for-each($kp:pages, function ($k, $v) { map{$k: string($v)} })), map{'duplicates': 'use-first'})"/>
    <xsl:variable name="parts" as="map(xs:string, xs:string)*" select="(
        map{'id': 'introduction', 'title': kp:l('introduction')},
        map{'id': 'abbreviations', 'title': kp:l('abbreviations')},
        map{'id': 'chronology', 'title': kp:l('chronology')}[exists(kse:dates($kp:root)[ancestor::tei:body])],
        map{'id': 'text', 'title': kp:main-title($kp:root)},
        for $kind in ('persons', 'places', 'orgs')[. = tokenize($indexes)]
                     [exists(kse:entries($kp:root, .)[exists(kse:occurrences(.))])]
        return map{'id': 'index-' || $kind, 'title': kp:l('index-' || $kind)})"/>
    <section class="back" id="contents">
      <h1><xsl:value-of select="kp:l('contents')"/></h1>
      <ul class="toc">
        <xsl:for-each select="$parts">
          <xsl:choose>
            <xsl:when test="map:contains($laid-out, ?id)">
              <li><a class="toc" href="{kp:href(?id)}" data-page="{$laid-out(?id)}"><xsl:value-of select="?title"/></a></li>
            </xsl:when>
            <xsl:when test="$part = 'back' and not(starts-with(?id, 'index-'))"/>  <!-- not laid out -->
            <xsl:otherwise>
              <li><a class="toc" href="#{?id}"><xsl:value-of select="?title"/></a></li>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:for-each>
      </ul>
    </section>
  </xsl:template>

  <!-- ============ chronology ============ -->
  <xsl:template name="kp:chronology">
    <xsl:variable name="dates" select="kse:dates($kp:root)[ancestor::tei:body]"/>
    <xsl:if test="exists($dates)">
      <section class="front small" id="chronology">
        <h1><xsl:value-of select="kp:l('chronology')"/></h1>
        <p class="intro-note"><xsl:value-of select="kp:l('chronology-note')"/></p>
        <xsl:for-each select="$dates">
          <xsl:variable name="q" select="kse:date-qualifiers(.)"/>
          <xsl:variable name="s" select="kse:sentence-of(.)"/>
          <xsl:variable name="b" select="kse:block-of(.)"/>
          <xsl:variable name="when" select="kse:format-date(., $lang)"/>
          <p class="chron">
            <!-- a number stays with the word after it ("12 қыркүйек", "1920 ж."), the paragraph with the last
                 word of the entry: no day, year or "¶ 23" alone at the end or start of a line -->
            <span class="when">
              <!-- a range of numbers ("1–2 қаңтар", "1921–1922") is not broken at its dash either -->
              <xsl:analyze-string regex="\d+–\d+" select="replace((if ('date-internal' = $q) then '[' || $when || ']' else $when)
                                    || ('?'['date-uncertain' = $q], '')[1], '(\d) ', '$1&#xA0;')">
                <xsl:matching-substring><span class="nw"><xsl:value-of select="."/></span></xsl:matching-substring>
                <xsl:non-matching-substring><xsl:value-of select="."/></xsl:non-matching-substring>
              </xsl:analyze-string>
            </span>
            <span class="entry">
              <span class="what">
                <xsl:call-template name="kp:phrase"><xsl:with-param name="s" select="kp:clip-start($s('before'), 7)"/></xsl:call-template>
                <span class="expr"><xsl:call-template name="kp:phrase"><xsl:with-param name="s" select="$s('match')"/></xsl:call-template></span>
                <xsl:call-template name="kp:phrase"><xsl:with-param name="s" select="kp:clip-end($s('after'), 10)"/></xsl:call-template>
              </span>
              <xsl:text>&#xA0;</xsl:text>
              <span class="where">
                <!-- the paragraph, not the page: the chronology is laid out before the text's pages are known,
                     and a paragraph number is found in the margin of any paper size -->
                <xsl:if test="$b">¶&#xA0;<xsl:value-of select="kse:block-number($b)"/></xsl:if>
              </span>
            </span>
          </p>
        </xsl:for-each>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- the last / first words of a sentence around the dated expression, "…" where words are left out; the
       space next to the expression only where the text has one ("(1920 жылы)", "аяғында,") -->
  <xsl:function name="kp:clip-start" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:param name="words" as="xs:integer"/>
    <xsl:variable name="w" select="tokenize(normalize-space($s), ' ')"/>
    <xsl:sequence select="(if (count($w) le $words) then normalize-space($s)
                           else '… ' || string-join(subsequence($w, count($w) - $words + 1), ' '))
                          || ' '[ends-with($s, ' ')]"/>
  </xsl:function>
  <xsl:function name="kp:clip-end" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:param name="words" as="xs:integer"/>
    <xsl:variable name="w" select="tokenize(normalize-space($s), ' ')"/>
    <xsl:sequence select="' '[starts-with($s, ' ')]
                          || (if (count($w) le $words) then normalize-space($s)
                              else string-join(subsequence($w, 1, $words), ' ') || ' …')"/>
  </xsl:function>
</xsl:stylesheet>
