<?xml version="1.0" encoding="UTF-8"?>
<!--
  print_typst.xsl — how the print target writes Typst: the one escaping function, and the helpers that build
  calls of the template (kse.typ) from it.

  Every piece of text that comes from the TEI (or from a parameter) reaches Typst as a string literal made by
  kp:str(): inside "…" Typst gives meaning only to the backslash and the double quote, which are escaped, so
  no character (#, [, ], *, _, `, $, @, <, >, /, ~, quotes …) can be read as markup, code, a label or a
  comment. Whitespace runs are collapsed to one space (XML whitespace is not significant in the text; a raw
  newline in a Typst string would be set as a line break). The document is written as content blocks whose
  every item is an embedded expression (#"text", #k.mark(…)), so nothing between them is markup either.
  kp:str() is tested with random Unicode text that must come back unchanged from the PDF (tests/test_pdf.py).
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:kp="urn:kse:print"
  exclude-result-prefixes="#all">

  <!-- a Typst string literal holding $s, whitespace collapsed -->
  <xsl:function name="kp:str" as="xs:string">
    <xsl:param name="s" as="xs:string?"/>
    <!-- \s is the four XML whitespace characters: without a tab, newline, return or two spaces there is
         nothing to collapse (tested without a regular expression) -->
    <xsl:sequence select="kp:str-raw(if (contains($s, '  ') or contains($s, '&#x9;') or contains($s, '&#xA;') or contains($s, '&#xD;'))
                          then replace(string($s), '\s+', ' ') else string($s))"/>
  </xsl:function>
  <!-- a Typst string literal holding $s as it is (no whitespace collapsed: identifiers, parameters) -->
  <xsl:function name="kp:str-raw" as="xs:string">
    <xsl:param name="s" as="xs:string?"/>
    <!-- most text has none of the four characters to escape: tested for first without a regular expression
         (this function runs for every piece of text of the book) -->
    <xsl:sequence select="'&quot;' || (if (contains($s, '\') or contains($s, '&quot;') or contains($s, '&#xA;') or contains($s, '&#xD;'))
                          then replace(replace(replace(replace(string($s), '\\', '\\\\'), '&quot;', '\\&quot;'),
                          '&#xA;', '\\n'), '&#xD;', '\\r') else string($s)) || '&quot;'"/>
  </xsl:function>
  <!-- text as an item of a content block: #"…" (empty for an empty string) -->
  <xsl:function name="kp:t" as="xs:string">
    <xsl:param name="s" as="xs:string?"/>
    <xsl:sequence select="if (string($s) = '') then '' else '#' || kp:str($s)"/>
  </xsl:function>
  <!-- a content block [#…#…] around items already written -->
  <xsl:function name="kp:block" as="xs:string">
    <xsl:param name="items" as="xs:string*"/>
    <xsl:sequence select="'[' || string-join($items) || ']'"/>
  </xsl:function>
  <!-- an array of Typst values: ("a", [b], …) (a trailing comma keeps a one-item array an array) -->
  <xsl:function name="kp:array" as="xs:string">
    <xsl:param name="items" as="xs:string*"/>
    <xsl:sequence select="'(' || string-join($items, ', ') || (if (count($items) = 1) then ',' else '') || ')'"/>
  </xsl:function>
  <!-- the arguments of Typst's text() for a language: lang; the direction of right-to-left scripts (Typst
       derives it only from two-letter codes); for the Arabic script no discretionary ligatures (the Allah
       ligature reaches a PDF reader's text as reversed letters; the joining forms the script needs are not
       ligatures). A script subtag decides over the language: ar-Latn is Latin, left to right. -->
  <xsl:variable name="kp:rtl" as="xs:string*" select="('ar', 'fa', 'ur', 'ps', 'sd', 'ug', 'ks', 'dv', 'he', 'yi',
      'arc', 'syr', 'ota', 'ku', 'lad', 'jrb', 'sam')"/>
  <xsl:variable name="kp:arabic-script" as="xs:string*" select="('ar', 'fa', 'ur', 'ps', 'sd', 'ug', 'ks', 'ota', 'ku')"/>
  <xsl:function name="kp:lang-args" as="xs:string">
    <xsl:param name="code" as="xs:string"/>
    <xsl:param name="tag" as="xs:string?"/>
    <xsl:variable name="latin" select="matches(string($tag), '-(Latn|Cyrl)(-|$)', 'i')"/>
    <xsl:sequence select="'lang: ' || kp:str($code)
        || (if ($latin) then ', dir: ltr' else if ($code = $kp:rtl) then ', dir: rtl' else '')
        || (', ligatures: false'[$code = $kp:arabic-script and not($latin)])"/>
  </xsl:function>
  <xsl:function name="kp:lang-args" as="xs:string">
    <xsl:param name="code" as="xs:string"/>
    <xsl:sequence select="kp:lang-args($code, ())"/>
  </xsl:function>
  <!-- a top-level set rule for the rest of the book in a language: its direction and ligatures said as well
       (a set rule's direction would otherwise stay from the language before: an English colophon after
       Arabic set right to left) -->
  <xsl:function name="kp:set-language" as="xs:string">
    <xsl:param name="code" as="xs:string"/>
    <xsl:sequence select="'#set text(lang: ' || kp:str($code) || ', dir: ' || (if ($code = $kp:rtl) then 'rtl' else 'auto')
        || ', ligatures: ' || (if ($code = $kp:arabic-script) then 'false' else 'true') || ')&#xA;'"/>
  </xsl:function>
  <!-- a Typst language code from xml:lang ('en-GB' → "en", ISO 639-2/3 codes of languages Typst knows by
       their two letters → those: 'yid' → "yi", 'ara' → "ar"), or '' when Typst would not take it -->
  <xsl:variable name="kp:two-letter" as="map(xs:string, xs:string)" select="map{
      'ara': 'ar', 'heb': 'he', 'yid': 'yi', 'fas': 'fa', 'per': 'fa', 'urd': 'ur', 'pus': 'ps', 'snd': 'sd',
      'uig': 'ug', 'kas': 'ks', 'div': 'dv', 'kaz': 'kk', 'rus': 'ru', 'eng': 'en', 'deu': 'de', 'ger': 'de',
      'fra': 'fr', 'fre': 'fr', 'lat': 'la', 'ell': 'el', 'gre': 'el', 'tur': 'tr', 'ita': 'it', 'spa': 'es',
      'nld': 'nl', 'dut': 'nl', 'pol': 'pl', 'ukr': 'uk', 'tat': 'tt', 'uzb': 'uz', 'kir': 'ky'}"/>
  <xsl:function name="kp:lang-code" as="xs:string">
    <xsl:param name="lang" as="xs:string?"/>
    <xsl:variable name="primary" select="lower-case(tokenize(string($lang), '-')[1])"/>
    <xsl:sequence select="if (map:contains($kp:two-letter, $primary)) then $kp:two-letter($primary)
                          else if (matches($primary, '^[a-z]{2,3}$')) then $primary else ''"/>
  </xsl:function>
</xsl:stylesheet>
