<?xml version="1.0" encoding="UTF-8"?>
<!--
  common_labels.xsl — the labels of the interface, and the direction of writing of a language.

  DATA. One JSON file per interface language in labels/ (labels/kk.json, labels/ru.json, labels/en.json …):
  an object key -> label, read with json-doc(). The same files feed the HTML's labels.js, so the pages and
  their scripts can never disagree. The interface languages are the parameter `languages` (common_param.xsl;
  the builder passes the project file's [interface] languages), the default one is `lang` (the first of
  `languages` unless set). A language without a file is skipped with no error (its labels fall back).
  Labels may hold placeholders {name}, filled by kse:label-format().
  kse:label($key, $lang): the label in $lang, else in the default language, else in English, else the key
  itself (so that a missing label shows in the output instead of failing the build).
  Right-to-left: labels/writing-direction.json lists the right-to-left scripts and languages, in one place;
  kse:dir($lang-tag) reads it.
  Targets add or override labels by overriding the variable kse:label-table (import precedence), e.g.
    <xsl:variable name="kse:label-table" select="map:merge(($kse:common-labels, map{'key': map{'kk': …, 'en': …}}),
                                                           map{'duplicates': 'use-last'})"/>
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:kse="urn:kse:xslt"
  exclude-result-prefixes="#all">

  <!-- the interface languages: the default first, then the others of `languages`, each once -->
  <xsl:variable name="kse:languages" as="xs:string*"
    select="distinct-values(($lang, tokenize($languages))[matches(., '^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$')])"/>

  <!-- lang -> map(key -> label), from labels/LANG.json; en is always read (the last fallback) -->
  <xsl:variable name="kse:label-files" as="map(xs:string, map(*))"
    select="map:merge(distinct-values(($kse:languages, 'en')) ! (
              let $uri := resolve-uri('labels/' || . || '.json', static-base-uri())
              return if (unparsed-text-available($uri)) then map{.: json-doc($uri)} else ()))"/>

  <!-- key -> map(lang -> label): the table the targets extend (kept in this shape for them) -->
  <xsl:variable name="kse:common-labels" as="map(xs:string, map(xs:string, xs:string))"
    select="map:merge(for $k in distinct-values(map:for-each($kse:label-files, function($l, $m) { map:keys($m) }))
                      return map{$k: map:merge(map:for-each($kse:label-files, function($l, $m) {
                                   if (map:contains($m, $k)) then map{$l: string($m($k))} else () }))})"/>

  <!-- The table in use; a target overrides this variable to add labels. -->
  <xsl:variable name="kse:label-table" as="map(*)" select="$kse:common-labels"/>

  <xsl:function name="kse:labels" as="map(*)">
    <xsl:sequence select="$kse:label-table"/>
  </xsl:function>

  <!-- every label of one language, the fallbacks filled in (what labels.js gets) -->
  <xsl:function name="kse:labels-of" as="map(xs:string, xs:string)">
    <xsl:param name="lang" as="xs:string"/>
    <xsl:sequence select="map:merge(map:keys($kse:label-table) ! map{.: kse:label(., $lang)})"/>
  </xsl:function>

  <xsl:function name="kse:label" as="xs:string">
    <xsl:param name="key" as="xs:string"/>
    <xsl:param name="lang" as="xs:string"/>
    <xsl:variable name="entry" select="$kse:label-table($key)"/>
    <xsl:sequence select="if (empty($entry)) then $key else ($entry($lang), $entry($kse:languages[1]), $entry('en'), $key)[1]"/>
  </xsl:function>

  <!-- a label with its placeholders {name} filled from $args -->
  <xsl:function name="kse:label-format" as="xs:string">
    <xsl:param name="key" as="xs:string"/>
    <xsl:param name="lang" as="xs:string"/>
    <xsl:param name="args" as="map(xs:string, xs:string)"/>
    <xsl:sequence select="fold-left(map:keys($args), kse:label($key, $lang),
                          function($s, $k) { replace($s, '{' || $k || '}', $args($k), 'q') })"/>
  </xsl:function>

  <!-- ============ the language of a node; translations side by side ============ -->
  <!-- the primary language subtag of a node: its own xml:lang or its nearest ancestor's ('' when none) -->
  <xsl:function name="kse:lang-of" as="xs:string">
    <xsl:param name="n" as="node()"/>
    <xsl:sequence select="lower-case(tokenize(string($n/ancestor-or-self::*[@xml:lang][1]/@xml:lang), '[-_]')[1])"/>
  </xsl:function>
  <!-- Sibling elements that are one text in several languages (the paragraphs of projectDesc, of an
       editorialDecl section, the notes of a bibl, the resp of a respStmt, each with its xml:lang): those in
       $lang, else in the default interface language, else in English, else in the first language given.
       Elements all in one language are all returned: they are not translations of each other. -->
  <xsl:function name="kse:in-language" as="element()*">
    <xsl:param name="elements" as="element()*"/>
    <xsl:param name="lang" as="xs:string"/>
    <xsl:variable name="langs" select="distinct-values($elements ! kse:lang-of(.))"/>
    <xsl:variable name="pick" select="(lower-case($lang)[. = $langs], $kse:languages[. = $langs], 'en'[. = $langs], $langs)[1]"/>
    <xsl:sequence select="if (count($langs) le 1) then $elements else $elements[kse:lang-of(.) = $pick]"/>
  </xsl:function>

  <!-- ============ direction of writing ============ -->
  <xsl:variable name="kse:rtl" as="map(*)" select="json-doc(resolve-uri('labels/writing-direction.json', static-base-uri()))"/>

  <!-- 'rtl' or 'ltr' for a BCP 47 tag: its script subtag decides, else its primary language -->
  <xsl:function name="kse:dir" as="xs:string">
    <xsl:param name="tag" as="xs:string?"/>
    <xsl:variable name="parts" select="tokenize(normalize-space($tag), '[-_]')"/>
    <xsl:variable name="script" select="$parts[position() gt 1][string-length(.) = 4][matches(., '^[A-Za-z]{4}$')][1]"/>
    <xsl:sequence select="if (exists($script))
                          then (if (upper-case(substring($script, 1, 1)) || lower-case(substring($script, 2)) = $kse:rtl?scripts?*) then 'rtl' else 'ltr')
                          else if (lower-case($parts[1]) = $kse:rtl?languages?*) then 'rtl' else 'ltr'"/>
  </xsl:function>
</xsl:stylesheet>
