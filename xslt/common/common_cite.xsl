<?xml version="1.0" encoding="UTF-8"?>
<!--
  common_cite.xsl — how to cite the edition and each of its paragraphs, in the formats scholars use:
  ГОСТ Р 7.0.100–2018 (the Russian and Kazakh norm of bibliographic description; in Kazakh or Russian),
  a plain English reference, BibTeX (biblatex @online), RIS and CSL-JSON. Every target formats citations
  here, so that the site, its downloadable files and the print edition can never disagree.

  WHAT A CITATION SAYS (all from the teiHeader): the main title; the kind of edition (label 'edition');
  the editors (respStmt[@xml:id='ed'], else editor, else the first respStmt's names, else the publisher);
  the version (editionStmt/edition/@n) — always, since the text changes between versions; the year and date
  of publication (publicationStmt/date); the publisher; the language of the text; the URL (the permalink of
  the edition or of the paragraph); the date of access.
    kse:cite($root, $format, $lang, $part, $url, $accessed) as xs:string
      $format  'gost' | 'text' | 'bibtex' | 'ris' | 'csl-json'
      $lang    the language of the description (gost: kk or ru; labels fall back as everywhere)
      $part    () for the whole edition, or map{'n': '12'} for ¶ 12
      $url     the permalink ('' = none known: the URL is left out)
      $accessed  the date of access, ISO (yyyy-mm-dd)
  MARKERS. A target that fills the URL and the access date in later (the HTML site: the reader's own URL and
  day, by edition.js) passes $url = kse:cite-marker('url') and $accessed = kse:cite-marker('date'): the
  output then holds, where the URL and the date stand, the private-use characters U+E000 (URL) and
  U+E001 FORM U+E002 (date; FORM says how it is written: dmy, iso, ris, csl, long), which the target
  replaces by elements of its own (see html_cite.xsl).
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:kse="urn:kse:xslt"
  exclude-result-prefixes="#all">

  <xsl:function name="kse:cite-marker" as="xs:string">
    <xsl:param name="what" as="xs:string"/>
    <xsl:sequence select="if ($what = 'url') then '&#xE000;' else '&#xE001;'"/>
  </xsl:function>

  <!-- the metadata of a citation, read once from the header -->
  <xsl:function name="kse:cite-meta" as="map(*)">
    <xsl:param name="root" as="node()"/>
    <xsl:variable name="fd" select="($root//tei:teiHeader)[1]/tei:fileDesc"/>
    <xsl:variable name="titles" select="$fd/tei:titleStmt/tei:title"/>
    <xsl:variable name="main" select="($titles[@type = 'main'], $titles[not(@type)], $titles)[1]"/>
    <xsl:variable name="editors" select="(($fd/tei:titleStmt/tei:respStmt[@xml:id = 'ed'])[1]/(tei:persName | tei:orgName | tei:name),
                                          $fd/tei:titleStmt/tei:editor)"/>
    <xsl:variable name="editors" select="if (exists($editors)) then $editors
                                         else ($fd/tei:titleStmt/tei:respStmt[1]/(tei:persName | tei:orgName | tei:name), $fd/tei:publicationStmt/tei:publisher)[1]"/>
    <xsl:variable name="pubdate" select="($fd/tei:publicationStmt/tei:date)[1]"/>
    <xsl:variable name="iso" select="string(($pubdate/@when, $pubdate/@notBefore, $pubdate/@from, normalize-space($pubdate))[1])"/>
    <xsl:variable name="idno" select="normalize-space(($fd/tei:publicationStmt/tei:idno)[1])"/>
    <xsl:sequence select="map{
      'title': normalize-space($main),
      'title-lang': kse:lang-of(($main, $root/*)[1]),
      'alt-titles': map:merge($titles[@type = 'alt'] ! map{kse:lang-of(.): normalize-space(.)}, map{'duplicates': 'use-first'}),
      'editors': $editors ! normalize-space(.),
      'publisher': normalize-space(($fd/tei:publicationStmt/(tei:publisher, tei:distributor, tei:authority))[1]),
      'date': $iso,
      'year': substring($iso, 1, 4),
      'version': normalize-space(($fd/tei:editionStmt/tei:edition/@n)[1]),
      'key': if ($idno != '') then replace($idno, '[^A-Za-z0-9_:.\-]', '-') else 'edition',
      'language': string(($root/tei:TEI/tei:text/@xml:lang, $root/*/@xml:lang, 'und')[1])
    }"/>
  </xsl:function>

  <!-- a date in one of the forms of the formats (or the date marker, when $iso is one) -->
  <xsl:function name="kse:cite-date" as="xs:string">
    <xsl:param name="iso" as="xs:string"/>
    <xsl:param name="form" as="xs:string"/>
    <xsl:param name="lang" as="xs:string"/>
    <xsl:variable name="p" select="kse:iso-parts($iso)"/>
    <xsl:sequence select="
      if ($iso = kse:cite-marker('date')) then '&#xE001;' || $form || '&#xE002;'
      else if ($form = 'dmy') then string-join(reverse($p[. != '']), '.')
      else if ($form = 'ris') then string-join($p[. != ''], '/')
      else if ($form = 'csl') then string-join($p[. != ''] ! string(xs:integer(.)), ',')
      else if ($form = 'long') then kse:format-iso($iso, $lang)
      else $iso"/>
  </xsl:function>

  <xsl:function name="kse:cite" as="xs:string">
    <xsl:param name="root" as="node()"/>
    <xsl:param name="format" as="xs:string"/>
    <xsl:param name="lang" as="xs:string"/>
    <xsl:param name="part" as="map(*)?"/>
    <xsl:param name="url" as="xs:string"/>
    <xsl:param name="accessed" as="xs:string"/>
    <xsl:variable name="m" select="kse:cite-meta($root)"/>
    <xsl:variable name="para" select="$part ! ('¶&#xA0;' || ?n)"/>
    <xsl:variable name="kind" select="kse:label('edition', $lang)"/>
    <xsl:choose>
      <!-- ГОСТ Р 7.0.100–2018, electronic resource of remote access:
           Title : kind / responsibility. – Version. – Publisher, Year. – ¶ N. – URL: … (accessed: dd.mm.yyyy). – Text : electronic. -->
      <xsl:when test="$format = 'gost'">
        <xsl:sequence select="string-join((
            $m?title || ' : ' || lower-case(substring($kind, 1, 1)) || substring($kind, 2)
              || (if (exists($m?editors)) then ' / ' || string-join($m?editors, ', ') else ''),
            ($m?version[. != ''] ! (kse:cap(kse:label('version', $lang)) || ' ' || .)),
            string-join(($m?publisher[. != '' and not(. = $m?editors)], $m?year[. != '']), ', ')[. != ''],
            $para,
            $url[. != ''] ! ('URL: ' || . || ' (' || kse:label('accessed', $lang) || ': ' || kse:cite-date($accessed, 'dmy', $lang) || ')'),
            kse:label('gost-electronic', $lang)), '. – ') || '.'"/>
      </xsl:when>
      <!-- a plain reference, for the English interface -->
      <xsl:when test="$format = 'text'">
        <xsl:variable name="alt" select="$m?alt-titles($lang)"/>
        <xsl:sequence select="string-join((
            string-join($m?editors, ', ')[. != ''] ! (. || ' (' || kse:label('editors', $lang) || ')'),
            $m?title || ($alt ! (' [' || . || ']')),
            string-join(($kind, $m?version[. != ''] ! (kse:label('version', $lang) || ' ' || .)), ', '),
            string-join(($m?publisher[. != '' and not(. = $m?editors)], $m?year[. != '']), ', ')[. != ''],
            $para,
            $url[. != ''] ! (. || ' (' || kse:label('accessed', $lang) || ' ' || kse:cite-date($accessed, 'long', $lang) || ')')), '. ') || '.'"/>
      </xsl:when>
      <!-- biblatex: @online, the version and the date of access in their own fields -->
      <xsl:when test="$format = 'bibtex'">
        <xsl:variable name="fields" as="xs:string*" select="(
            'title = {' || kse:bib($m?title) || '}',
            $para ! ('titleaddon = {' || kse:bib(.) || '}'),
            (if (exists($m?editors)) then 'editor = {' || string-join($m?editors ! ('{' || kse:bib(.) || '}'), ' and ') || '}' else ()),
            $m?version[. != ''] ! ('version = {' || kse:bib(.) || '}'),
            $m?date[. != ''] ! ('date = {' || . || '}'),
            $m?publisher[. != ''] ! ('organization = {' || kse:bib(.) || '}'),
            $url[. != ''] ! ('url = {' || . || '}'),
            $url[. != ''] ! ('urldate = {' || kse:cite-date($accessed, 'iso', $lang) || '}'),
            'langid = {' || kse:bib($m?language) || '}',
            'note = {' || kse:bib($kind) || '}')"/>
        <xsl:sequence select="'@online{' || $m?key || ($part ! ('-p' || ?n)) || ',&#10;  ' || string-join($fields, ',&#10;  ') || '&#10;}&#10;'"/>
      </xsl:when>
      <!-- RIS: one record, a web page edited by the editors -->
      <xsl:when test="$format = 'ris'">
        <xsl:variable name="tags" as="xs:string*" select="(
            'TY  - ELEC',
            'TI  - ' || $m?title,
            $para ! ('SE  - ' || .),
            $m?editors ! ('ED  - ' || .),
            $m?version[. != ''] ! ('ET  - ' || .),
            $m?year[. != ''] ! ('PY  - ' || .),
            $m?date[. != ''] ! ('DA  - ' || kse:cite-date(., 'ris', $lang)),
            $m?publisher[. != ''] ! ('PB  - ' || .),
            $url[. != ''] ! ('UR  - ' || .),
            $url[. != ''] ! ('Y2  - ' || kse:cite-date($accessed, 'ris', $lang)),
            'LA  - ' || $m?language,
            'N1  - ' || $kind,
            'ID  - ' || $m?key || ($part ! ('-p' || ?n)),
            'ER  - ')"/>
        <xsl:sequence select="string-join($tags ! replace(., '[&#10;&#13;]+', ' '), '&#13;&#10;') || '&#13;&#10;'"/>
      </xsl:when>
      <!-- CSL-JSON: one item (a target joins several into an array); the date of access as date-parts -->
      <xsl:when test="$format = 'csl-json'">
        <xsl:variable name="item" select="map:merge((
            map{'id': $m?key || ($part ! ('-p' || ?n)), 'type': 'webpage', 'title': $m?title, 'genre': $kind, 'language': $m?language},
            $para ! map{'section': .},
            (if (exists($m?editors)) then map{'editor': array{$m?editors ! map{'literal': .}}} else ()),
            $m?version[. != ''] ! map{'version': .},
            $m?publisher[. != ''] ! map{'publisher': .},
            $m?date[. != ''] ! map{'issued': map{'date-parts': array{array{kse:iso-parts(.)[. != ''] ! xs:integer(.)}}}},
            $url[. != ''] ! map{'URL': .},
            $url[. != ''] ! map{'accessed': 'ACCESSED'}))"/>
        <!-- the access date is written in by hand: it may be the marker, which is no number -->
        <xsl:sequence select="replace(serialize($item, map{'method': 'json', 'indent': true(), 'escape-solidus': false()}), '&quot;ACCESSED&quot;',
                                      '{&quot;date-parts&quot;: [[' || kse:cite-date($accessed, 'csl', $lang) || ']]}', 'q')"/>
      </xsl:when>
      <xsl:otherwise><xsl:sequence select="error(xs:QName('kse:cite'), 'unknown citation format ' || $format)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- the first letter in capitals -->
  <xsl:function name="kse:cap" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:sequence select="upper-case(substring($s, 1, 1)) || substring($s, 2)"/>
  </xsl:function>
  <!-- a value for BibTeX: its special characters escaped, braces balanced away -->
  <xsl:function name="kse:bib" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:sequence select="replace(replace(replace($s, '[{}~^]', ''), '\\', '\\textbackslash{}'), '([&amp;%$#_])', '\\$1')"/>
  </xsl:function>
</xsl:stylesheet>
