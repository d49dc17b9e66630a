<?xml version="1.0" encoding="UTF-8"?>
<!--
  print_back.xsl — the registers of the book: indexes of persons, places and organisations and the contents
  (the back matter), and the chronology (printed with the front matter: it cites paragraphs, not pages).

  Page numbers are the layout's, never guessed: the names of the text carry metadata naming their register
  entry (k.occ in print_text.xsl), and kse.typ queries them in the same compile, printing
  the distinct pages, consecutive ones joined into a range (12–13), each number a link to the first
  occurrence on that page. An index is written as data, (letter, ((entry id, heading, rest), …)), for
  k.index-of, which queries the names once for the whole index. The contents are Typst's outline of the parts' headings.
  Headings, order and grouping come from the common layer: kse:entry-heading ("Ленин, Владимир Ильич"),
  kse:entries (sorted by kse:entry-sort-name in Kazakh alphabetical order), grouped under the initial letter.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:kse="urn:kse:xslt"
  xmlns:kp="urn:kse:print"
  exclude-result-prefixes="#all">

  <xsl:variable name="kp:root" select="/"/>

  <xsl:template name="kp:indexes">
    <xsl:for-each select="('persons', 'places', 'orgs')[. = tokenize($indexes)]">
      <xsl:variable name="kind" select="."/>
      <xsl:variable name="entries" select="kse:distinct-entries(kse:entries($kp:root, $kind)[exists(kse:occurrences(.))])"/>
      <xsl:if test="exists($entries)">
        <xsl:text>#k.</xsl:text><xsl:value-of select="if (position() = 1) then 'part' else 'chapter'"/>
        <xsl:text>("index-</xsl:text><xsl:value-of select="$kind"/><xsl:text>", </xsl:text>
        <xsl:value-of select="kp:str(kp:l('index-' || $kind))"/><xsl:text>)[#k.intro-note(</xsl:text>
        <xsl:value-of select="kp:str(kp:l('index-note'))"/><xsl:text>)&#xA;#k.index-of((&#xA;</xsl:text>
        <!-- kse:entries() is already in the order of kse:entry-sort-name (persons by surname) -->
        <xsl:for-each-group select="$entries" group-adjacent="upper-case(substring(replace(kse:entry-sort-name(.), '^\W+', ''), 1, 1))">
          <xsl:text>(</xsl:text><xsl:value-of select="kp:str(current-grouping-key())"/><xsl:text>, (&#xA;</xsl:text>
          <xsl:apply-templates select="current-group()" mode="kp:index-entry"/>
          <xsl:text>)),&#xA;</xsl:text>
        </xsl:for-each-group>
        <xsl:text>))]&#xA;</xsl:text>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="*" mode="kp:index-entry">
    <xsl:variable name="life" select="kse:entry-life(.)"/>
    <xsl:variable name="role" select="kse:entry-role(., $lang)"/>
    <xsl:variable name="abbr" select="tei:orgName[@type = 'abbr'][1]"/>
    <xsl:variable name="also" select="kp:other-forms(.)"/>
    <xsl:variable name="rest" as="xs:string*">
      <xsl:if test="$abbr"><xsl:sequence select="kp:t(' (' || normalize-space($abbr) || ')')"/></xsl:if>
      <xsl:if test="$life != ''"><xsl:sequence select="'#text(fill: k.grey, ' || kp:str(' (' || $life || ')') || ')'"/></xsl:if>
      <xsl:if test="exists($also)">
        <xsl:sequence select="'#emph(' || kp:str(' (' || kp:l('index-in-text') || ': ' || string-join($also ! kp:tie-initials(.), ', ') || ')') || ')'"/>
      </xsl:if>
      <!-- the pages follow a comma, or a semicolon after a description, which may end in a number or a
           sentence of its own ("… created in 1932; 10, 24, 27–28") -->
      <xsl:if test="$role != ''">
        <xsl:sequence select="kp:t(', ') || '#text(lang: &quot;en&quot;, fill: k.grey, ' || kp:str(kp:tie-initials(replace($role, '\.$', ''))) || ')'"/>
      </xsl:if>
      <!-- a no-break space: the first page number never stands alone at the start of a line -->
      <xsl:sequence select="kp:t(if ($role != '') then ';&#xA0;' else ',&#xA0;')"/>
    </xsl:variable>
    <xsl:text>  (</xsl:text><xsl:value-of select="kp:str(@xml:id)"/><xsl:text>, </xsl:text>
    <xsl:value-of select="kp:str(kse:entry-heading(.))"/><xsl:text>, </xsl:text>
    <xsl:value-of select="kp:block($rest)"/><xsl:text>),&#xA;</xsl:text>
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

  <!-- ============ contents, at the end of the book as in Kazakh and Russian books of the time ============ -->
  <xsl:template name="kp:contents">
    <xsl:text>#k.chapter("contents", </xsl:text><xsl:value-of select="kp:str(kp:l('contents'))"/>
    <xsl:text>)[#k.contents()]&#xA;</xsl:text>
  </xsl:template>

  <!-- ============ chronology ============ -->
  <xsl:template name="kp:chronology">
    <xsl:variable name="dates" select="kse:dates($kp:root)[ancestor::tei:body]"/>
    <xsl:if test="exists($dates)">
      <xsl:text>#k.part("chronology", </xsl:text><xsl:value-of select="kp:str(kp:l('chronology'))"/><xsl:text>)[#k.intro-note(</xsl:text>
      <xsl:value-of select="kp:str(kp:l('chronology-note'))"/><xsl:text>)&#xA;#k.chron-list((&#xA;</xsl:text>
      <xsl:for-each select="$dates">
        <xsl:variable name="q" select="kse:date-qualifiers(.)"/>
        <xsl:variable name="s" select="kse:sentence-of(.)"/>
        <xsl:variable name="b" select="kse:block-of(.)"/>
        <xsl:variable name="when" select="kse:format-date(., $lang)"/>
        <!-- a number stays with the word after it ("12 қыркүйек", "1920 ж."), the paragraph with the last word
             of the entry; a range of numbers ("1–2 қаңтар") is not broken at its dash either -->
        <xsl:variable name="when-items" as="xs:string*">
          <xsl:analyze-string regex="\d+–\d+" select="replace((if ('date-internal' = $q) then '[' || $when || ']' else $when)
                                || ('?'['date-uncertain' = $q], '')[1], '(\d) ', '$1&#xA0;')">
            <xsl:matching-substring><xsl:sequence select="'#box(' || kp:str(.) || ')'"/></xsl:matching-substring>
            <xsl:non-matching-substring><xsl:sequence select="kp:t(.)"/></xsl:non-matching-substring>
          </xsl:analyze-string>
        </xsl:variable>
        <xsl:text>  (</xsl:text><xsl:value-of select="kp:block($when-items)"/><xsl:text>, [</xsl:text>
        <xsl:value-of select="kp:phrase(kp:clip-start($s('before'), 7))"/>
        <xsl:text>#strong[</xsl:text><xsl:value-of select="kp:phrase($s('match'))"/><xsl:text>]</xsl:text>
        <xsl:value-of select="kp:phrase(kp:clip-end($s('after'), 10))"/>
        <!-- the paragraph, not the page: a paragraph number is found in the margin of any paper size -->
        <xsl:if test="$b"><xsl:value-of select="kp:t('&#xA0;') || '#k.chron-where(' || kp:str('¶&#xA0;' || kse:block-number($b)) || ')'"/></xsl:if>
        <xsl:text>]),&#xA;</xsl:text>
      </xsl:for-each>
      <xsl:text>))]&#xA;</xsl:text>
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
