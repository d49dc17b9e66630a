<?xml version="1.0" encoding="UTF-8"?>
<!--
  common_dates.xsl — dates for display (in any interface language: the order and names are labels) and for sorting.

  ALGORITHM. A <date> carries W3C values: @when (point), @from/@to (range), @notBefore/@notAfter (vague
  span). The sort key is the first of when|from|notBefore|to|notAfter (ISO strings sort as text). Display:
  kk "1921 ж. 8–16 наурыз", en "8–16 March 1921"; parts shared by both ends are written once. Qualifiers
  (@cert medium/low, @evidence internal, a vague span) come from kse:date-qualifiers() as label keys, so
  each target styles them its own way.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:kse="urn:kse:xslt"
  exclude-result-prefixes="#all">

  <xsl:function name="kse:date-sort-key" as="xs:string">
    <xsl:param name="d" as="element()"/>
    <xsl:sequence select="string(($d/@when, $d/@from, $d/@notBefore, $d/@to, $d/@notAfter, $d/@when-iso)[1])"/>
  </xsl:function>

  <!-- The dates of the chronology: the article's own, not those of references (bibl, biblStruct) or notes -->
  <xsl:function name="kse:dates" as="element()*">
    <xsl:param name="root" as="node()"/>
    <xsl:perform-sort select="$root//tei:text//tei:date[@when or @from or @to or @notBefore or @notAfter]
        [not(ancestor::tei:date or ancestor::tei:bibl or ancestor::tei:biblStruct or ancestor::tei:note)]
        [$show-residue = 'yes' or empty(ancestor::tei:div[@type = 'residue'])]">
      <xsl:sort select="kse:date-sort-key(.)"/>
    </xsl:perform-sort>
  </xsl:function>

  <!-- year, month, day of an ISO value as strings ('' when absent) -->
  <xsl:function name="kse:iso-parts" as="xs:string*">
    <xsl:param name="iso" as="xs:string"/>
    <xsl:variable name="t" select="tokenize(replace($iso, 'T.*$', ''), '-')"/>
    <xsl:sequence select="($t[1], ($t[2], '')[1], ($t[3], '')[1])"/>
  </xsl:function>

  <!-- the month's name; $genitive: the form after a day number ('8 марта'), where a language has one
       (label month-gen-N; the same as month-N in kk and en) -->
  <xsl:function name="kse:month-name" as="xs:string">
    <xsl:param name="m" as="xs:string"/>
    <xsl:param name="lang" as="xs:string"/>
    <xsl:sequence select="kse:month-name($m, $lang, false())"/>
  </xsl:function>
  <xsl:function name="kse:month-name" as="xs:string">
    <xsl:param name="m" as="xs:string"/>
    <xsl:param name="lang" as="xs:string"/>
    <xsl:param name="genitive" as="xs:boolean"/>
    <xsl:sequence select="if ($m castable as xs:integer)
                          then kse:label((if ($genitive) then 'month-gen-' else 'month-') || xs:integer($m), $lang) else $m"/>
  </xsl:function>

  <!-- The order of a language's dates is data (label date-order: 'dmy' "8 March 1921", 'ymd' "1921 ж. 8 наурыз"),
       so are the year's abbreviation (year-abbr, years-abbr) and the month names. -->
  <xsl:function name="kse:dmy" as="xs:boolean">
    <xsl:param name="lang" as="xs:string"/>
    <xsl:sequence select="kse:label('date-order', $lang) != 'ymd'"/>
  </xsl:function>

  <!-- format year/month/day parts; $show-year false drops the year (used for the first end of a range) -->
  <xsl:function name="kse:format-parts" as="xs:string">
    <xsl:param name="p" as="xs:string*"/>
    <xsl:param name="lang" as="xs:string"/>
    <xsl:param name="show-year" as="xs:boolean"/>
    <xsl:param name="show-month" as="xs:boolean"/>
    <xsl:variable name="day" select="if ($p[3] castable as xs:integer) then string(xs:integer($p[3])) else ''"/>
    <xsl:variable name="month" select="if ($show-month and $p[2] != '') then kse:month-name($p[2], $lang, $day != '') else ''"/>
    <xsl:variable name="year" select="if ($show-year) then string-join(($p[1], kse:label('year-abbr', $lang))[. != ''], ' ') else ''"/>
    <xsl:sequence select="if (kse:dmy($lang)) then string-join(($day, $month, $year)[. != ''], ' ')
                          else string-join(($year, $day, $month)[. != ''], ' ')"/>
  </xsl:function>

  <xsl:function name="kse:format-iso" as="xs:string">
    <xsl:param name="iso" as="xs:string"/>
    <xsl:param name="lang" as="xs:string"/>
    <xsl:sequence select="kse:format-parts(kse:iso-parts($iso), $lang, true(), true())"/>
  </xsl:function>

  <xsl:function name="kse:format-range" as="xs:string">
    <xsl:param name="a" as="xs:string"/>
    <xsl:param name="b" as="xs:string"/>
    <xsl:param name="lang" as="xs:string"/>
    <xsl:variable name="pa" select="kse:iso-parts($a)"/>
    <xsl:variable name="pb" select="kse:iso-parts($b)"/>
    <xsl:variable name="dmy" select="kse:dmy($lang)"/>
    <xsl:sequence select="
      if ($a = '') then '…&#xA0;– ' || kse:format-iso($b, $lang)
      else if ($b = '') then kse:format-iso($a, $lang) || '&#xA0;– …'
      else if ($a = $b) then kse:format-iso($a, $lang)
      else if (string-length($a) = 4 and string-length($b) = 4) then
        string-join(($a || '–' || $b, kse:label('years-abbr', $lang))[. != ''], ' ')
      else if ($pa[1] = $pb[1] and $pa[2] = $pb[2] and $pa[2] != '' and $pa[3] != '' and $pb[3] != '') then
        (if ($dmy) then xs:integer($pa[3]) || '–' || kse:format-iso($b, $lang)
         else kse:format-parts($pa, $lang, true(), false()) || '–' || xs:integer($pb[3]) || ' ' || kse:month-name($pb[2], $lang, true()))
      else if ($pa[1] = $pb[1] and $pa[2] != '') then
        (if ($dmy) then kse:format-parts($pa, $lang, false(), true()) || '&#xA0;– ' || kse:format-iso($b, $lang)
         else kse:format-iso($a, $lang) || '&#xA0;– ' || kse:format-parts($pb, $lang, false(), true()))
      else kse:format-iso($a, $lang) || '&#xA0;– ' || kse:format-iso($b, $lang)"/>
  </xsl:function>

  <xsl:function name="kse:format-date" as="xs:string">
    <xsl:param name="d" as="element()"/>
    <xsl:param name="lang" as="xs:string"/>
    <xsl:sequence select="
      if ($d/@when) then kse:format-iso(string($d/@when), $lang)
      else if ($d/@from or $d/@to) then kse:format-range(string($d/@from), string($d/@to), $lang)
      else if ($d/@notBefore or $d/@notAfter) then kse:format-range(string($d/@notBefore), string($d/@notAfter), $lang)
      else normalize-space($d)"/>
  </xsl:function>

  <!-- The anchor of a date in the text, the same in every output: 'date-' + the id of its block + '-' + its
       position among the dates of that block ('date-p2-1'); outside a numbered block, 'date-text-' + its
       position among the dates of the text. Both chronologies (HTML, print) link to it. -->
  <!-- computed for every date of a document in one pass (grouped by block), then looked up -->
  <xsl:function name="kse:date-id" as="xs:string">
    <xsl:param name="d" as="element()"/>
    <xsl:variable name="ids" select="if (root($d) is $kse:principal-root) then $kse:principal-date-ids else kse:date-ids(root($d))"/>
    <xsl:sequence select="($ids(generate-id($d)), 'date-' || generate-id($d))[1]"/>
  </xsl:function>
  <xsl:function name="kse:date-ids" as="map(xs:string, xs:string)">
    <xsl:param name="doc" as="node()"/>
    <xsl:variable name="result" as="map(xs:string, xs:string)*">
      <xsl:for-each-group select="$doc//tei:text//tei:date" group-by="(kse:block-of(.) ! generate-id(.), '')[1]">
        <xsl:variable name="prefix" select="'date-' || (kse:block-of(.) ! kse:block-id(.), 'text')[1] || '-'"/>
        <xsl:sequence select="for $i in 1 to count(current-group()) return map{generate-id(current-group()[$i]): $prefix || $i}"/>
      </xsl:for-each-group>
    </xsl:variable>
    <xsl:sequence select="map:merge($result)"/>
  </xsl:function>
  <xsl:variable name="kse:principal-date-ids" as="map(xs:string, xs:string)" select="kse:date-ids(/)"/>

  <!-- label keys: 'approx' (vague span), 'date-uncertain' (@cert medium/low), 'date-internal' (@evidence internal) -->
  <xsl:function name="kse:date-qualifiers" as="xs:string*">
    <xsl:param name="d" as="element()"/>
    <xsl:sequence select="('approx'[$d/@notBefore or $d/@notAfter],
                           'date-uncertain'[$d/@cert = ('medium', 'low')],
                           'date-internal'[$d/@evidence = 'internal'])"/>
  </xsl:function>
</xsl:stylesheet>
