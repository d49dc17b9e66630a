<?xml version="1.0" encoding="UTF-8"?>
<!--
  html_script.xsl — the reading text in another script its language is written in (Kazakh: the Latin
  alphabet of 2021), as a page of its own (text-latn.html), and the names of the registers in it.

  WHERE THE FORMS COME FROM. This stylesheet knows no language and no alphabet. The builder asks the
  language packs (tools/targets/html.py, script_data; tools.core.packs) and passes, as the JSON parameter
  $script-data, for each language of the document that has another script: every word of its text whose form
  changes, with that form, and the pack's letter table:
      {"kk": {"Latn": {"words": {"Қазақстан": "Qazaqstan", …}, "letters": {"қ": "q", …}, "fold": {…}}}}
  The page is built from the reading text by the same templates as text.html (any TEI the toolkit renders
  renders here), with the tunnel parameter h:script set: every text node in the text's language is replaced
  word by word from that table; what is in another language (a Russian title, an English note) stays as it
  is; the witness readings, apparatus marks and editorial notes are left out (they are on text.html). The
  Cyrillic stays the source: nothing here is written back, and every paragraph links to its original.
  NAMES. A register entry may give the form of its name in the other script (persName/placeName/orgName
  with xml:lang="kk-Latn"); its words then replace the words of the normalized name wherever the text
  has them, inflected or not (Сейфуллиннің -> the given form + the ending by the table). Otherwise the
  name's form follows the table like every word. Register pages show each entry's name in every script.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:fn="http://www.w3.org/2005/xpath-functions"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:kse="urn:kse:xslt"
  xmlns:h="urn:kse:html"
  exclude-result-prefixes="#all">

  <xsl:variable name="h:script-table" as="map(*)"
    select="if ($script-data != '' and $other-scripts = 'yes') then parse-json($script-data) else map{}"/>
  <xsl:variable name="h:text-primary" as="xs:string" select="h:primary($h:text-lang)"/>
  <!-- the other scripts of the text's language (ISO 15924 codes), each with a page -->
  <xsl:variable name="h:scripts" as="xs:string*"
    select="sort(map:keys(($h:script-table($h:text-primary), map{})[1]))"/>

  <xsl:function name="h:primary" as="xs:string">
    <xsl:param name="tag" as="xs:string?"/>
    <xsl:sequence select="lower-case(tokenize(string($tag), '[-_]')[1])"/>
  </xsl:function>
  <xsl:function name="h:script-file" as="xs:string">
    <xsl:param name="script" as="xs:string"/>
    <xsl:sequence select="'text-' || lower-case($script) || '.html'"/>
  </xsl:function>
  <!-- the language tag of the text in $script: kk -> kk-Latn -->
  <xsl:function name="h:script-lang" as="xs:string">
    <xsl:param name="script" as="xs:string"/>
    <xsl:sequence select="$h:text-primary || '-' || $script"/>
  </xsl:function>
  <!-- a language tag as it stands on the page in $script ('' = the page of the original script) -->
  <xsl:function name="h:lang-in-script" as="xs:string">
    <xsl:param name="tag" as="xs:string"/>
    <xsl:param name="script" as="xs:string"/>
    <xsl:sequence select="if ($script != '' and h:primary($tag) = $h:text-primary) then h:script-lang($script) else $tag"/>
  </xsl:function>

  <!-- $text in $script: word by word from the builder's table; $names: a register's own forms (word -> word),
       which win, also as the stem of an inflected word -->
  <xsl:function name="h:in-script" as="xs:string">
    <xsl:param name="text" as="xs:string"/>
    <xsl:param name="script" as="xs:string"/>
    <xsl:param name="names" as="map(*)"/>
    <xsl:variable name="words" select="$h:script-table($h:text-primary)($script)?words"/>
    <xsl:sequence select="string-join(analyze-string($text, '\p{L}+')/* ! (
        if (self::fn:match) then h:word-in-script(string(.), $words, $names) else string(.)))"/>
  </xsl:function>
  <xsl:function name="h:word-in-script" as="xs:string">
    <xsl:param name="word" as="xs:string"/>
    <xsl:param name="words" as="map(*)"/>
    <xsl:param name="names" as="map(*)"/>
    <xsl:variable name="converted" select="($words($word), $word)[1]"/>
    <xsl:variable name="stem" select="(map:keys($names)[starts-with($word, .)] => sort((), string-length#1))[last()]"/>
    <xsl:variable name="stem-converted" select="$stem ! ($words(.), .)[1]"/>
    <xsl:sequence select="if (exists($stem) and starts-with($converted, $stem-converted))
                          then $names($stem) || substring($converted, string-length($stem-converted) + 1)
                          else $converted"/>
  </xsl:function>

  <!-- the name of a register entry in $script: the form the entry gives (xml:lang="kk-Latn"), else by the table -->
  <xsl:function name="h:entry-in-script" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:param name="script" as="xs:string"/>
    <xsl:variable name="given" select="$entry/*[@xml:lang = h:script-lang($script)][1]"/>
    <xsl:sequence select="if ($given) then normalize-space($given)
                          else h:in-script(kse:entry-name($entry, $h:text-primary), $script, map{})"/>
  </xsl:function>
  <!-- word -> word of the entry's own form in $script, when it has one word for each word of its name -->
  <xsl:function name="h:entry-words" as="map(*)">
    <xsl:param name="entry" as="element()?"/>
    <xsl:param name="script" as="xs:string"/>
    <xsl:variable name="given" select="$entry/*[@xml:lang = h:script-lang($script)][1] ! tokenize(normalize-space(.))"/>
    <xsl:variable name="own" select="$entry ! tokenize(kse:entry-name(., $h:text-primary))"/>
    <xsl:sequence select="if (exists($given) and count($given) = count($own))
                          then map:merge(for $i in 1 to count($own) return map{replace($own[$i], '\P{L}', ''): replace($given[$i], '^\P{L}+|\P{L}+$', '')}[map:keys(.) != ''],
                                         map{'duplicates': 'use-first'})
                          else map{}"/>
  </xsl:function>

  <!-- ============ the text in another script: the same templates, with h:script set ============ -->
  <xsl:template match="tei:text//text()" priority="10">
    <xsl:param name="h:script" tunnel="yes" as="xs:string" select="''"/>
    <xsl:param name="h:name-words" tunnel="yes" as="map(*)" select="map{}"/>
    <xsl:choose>
      <xsl:when test="$h:script != '' and h:primary((ancestor::*[@xml:lang][1]/@xml:lang, $h:text-lang)[1]) = $h:text-primary">
        <xsl:value-of select="h:in-script(., $h:script, $h:name-words)"/>
      </xsl:when>
      <xsl:otherwise><xsl:next-match/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- the reading only: the editor's reading of a choice, no editorial note -->
  <xsl:template match="tei:choice">
    <xsl:param name="h:script" tunnel="yes" as="xs:string" select="''"/>
    <xsl:choose>
      <xsl:when test="$h:script != ''"><xsl:apply-templates select="kse:correction(.)/node()"/></xsl:when>
      <xsl:otherwise><xsl:next-match/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="tei:note[@type = 'editorial']">
    <xsl:param name="h:script" tunnel="yes" as="xs:string" select="''"/>
    <xsl:if test="$h:script = ''"><xsl:next-match/></xsl:if>
  </xsl:template>

  <!-- a name: its link and title in the script; the entry's own form for its words -->
  <xsl:template match="tei:text//tei:persName | tei:text//tei:placeName | tei:text//tei:orgName | tei:text//tei:name | tei:text//tei:rs">
    <xsl:param name="h:script" tunnel="yes" as="xs:string" select="''"/>
    <xsl:choose>
      <xsl:when test="$h:script = ''"><xsl:next-match/></xsl:when>
      <xsl:otherwise>
        <xsl:variable name="entry" select="kse:entry(.)"/>
        <xsl:variable name="out" as="node()*">
          <xsl:next-match><xsl:with-param name="h:name-words" tunnel="yes" select="h:entry-words($entry, $h:script)"/></xsl:next-match>
        </xsl:variable>
        <xsl:for-each select="$out">
          <xsl:choose>
            <xsl:when test="self::*[@title] and $entry">
              <xsl:copy>
                <xsl:copy-of select="@* except @title"/>
                <xsl:attribute name="title" select="string-join((h:entry-in-script($entry, $h:script), kse:entry-life($entry)[. != '']), ' ')"/>
                <xsl:copy-of select="node()"/>
              </xsl:copy>
            </xsl:when>
            <xsl:otherwise><xsl:sequence select="."/></xsl:otherwise>
          </xsl:choose>
        </xsl:for-each>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ============ text-latn.html (one page per script) ============ -->
  <xsl:template name="h:script-page">
    <xsl:param name="script" as="xs:string"/>
    <xsl:variable name="letters" select="$h:script-table($h:text-primary)($script)?letters"/>
    <h1 class="visually-hidden" lang="{h:script-lang($script)}"><xsl:value-of select="h:in-script($h:title, $script, map{})"/></h1>
    <div class="text-layout">
      <div class="script-bar">
        <p class="script-links">
          <a href="text.html"><xsl:sequence select="h:t('in-script-original')"/></a>
          <xsl:for-each select="$h:scripts[. != $script]">
            <xsl:text> · </xsl:text><a href="{h:script-file(.)}"><xsl:sequence select="h:t('in-script-' || .)"/></a>
          </xsl:for-each>
        </p>
        <p class="hint"><xsl:sequence select="h:t('script-note')"/></p>
      </div>
      <article class="edition edition-script" lang="{h:script-lang($script)}" dir="{kse:dir(h:script-lang($script))}">
        <xsl:apply-templates select="/tei:TEI/tei:text | /tei:teiCorpus/tei:TEI/tei:text">
          <xsl:with-param name="h:script" select="$script" tunnel="yes"/>
        </xsl:apply-templates>
        <xsl:call-template name="h:footnotes">
          <xsl:with-param name="root" select="/"/>
          <xsl:with-param name="h:script" select="$script" tunnel="yes"/>
        </xsl:call-template>
      </article>
      <xsl:if test="map:size($letters) gt 0">
        <details class="letter-table">
          <summary><xsl:sequence select="h:t('script-letters')"/></summary>
          <table>
            <thead><tr>
              <th scope="col"><xsl:sequence select="h:t('in-script-original')"/></th>
              <th scope="col"><xsl:sequence select="h:t('in-script-' || $script)"/></th>
            </tr></thead>
            <tbody>
              <xsl:for-each select="map:keys($letters)[. = lower-case(.)]">
                <xsl:sort select="kse:sort-key(.)"/>
                <xsl:variable name="big" select="($letters(upper-case(.)), upper-case($letters(.)))[1]"/>
                <tr><td lang="{$h:text-lang}"><xsl:value-of select="upper-case(.) || ' ' || ."/></td>
                  <td lang="{h:script-lang($script)}"><xsl:value-of select="if ($letters(.) = '') then '—' else $big || ' ' || $letters(.)"/></td></tr>
              </xsl:for-each>
            </tbody>
          </table>
        </details>
      </xsl:if>
    </div>
  </xsl:template>
</xsl:stylesheet>
