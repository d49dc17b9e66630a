<?xml version="1.0" encoding="UTF-8"?>
<!--
  print_commentary.xsl — the editors' commentary as the second series of notes, and the works it cites.

  A critical edition keeps two series apart: the textual apparatus at the foot of the page (print_text.xsl)
  and the commentary. Here the commentary follows the text as a chapter of its own: each note is marked in
  the text by a raised asterisk and its number (*12), a link to the note; the note opens with its number,
  the paragraph it belongs to and the page of its mark (found by Typst from the mark), and gives the
  paragraph of the note in the interface language (kse:commentary-body). Works cited by ptr are printed in
  author–year form (kse:bibl-short), each a link to its entry in the bibliography, which closes the chapter.
  Which note, its number, its language and the short form of a work come from the common layer
  (common_commentary.xsl); this module only sets them.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:kse="urn:kse:xslt"
  xmlns:kp="urn:kse:print"
  exclude-result-prefixes="#all">

  <!-- the mark in the text -->
  <xsl:template match="tei:note[@type = 'commentary']" mode="kp:inline" priority="5">
    <xsl:variable name="n" select="kse:commentary-number(.)"/>
    <xsl:if test="exists($n)"><xsl:sequence select="'#k.comment-mark(' || $n || ')'"/></xsl:if>
  </xsl:template>
  <xsl:template match="tei:note[@type = 'commentary']" mode="kp:text kp:note" priority="5"/>

  <!-- the bibliography is printed with the commentary, not where it stands in the back matter -->
  <xsl:template match="tei:back//tei:div[@type = 'bibliography']" mode="kp:text" priority="5"/>

  <!-- the chapter: the notes, then the works cited -->
  <xsl:template name="kp:commentary">
    <xsl:variable name="notes" select="kse:commentary-notes(/)"/>
    <xsl:variable name="works" select="kse:bibliography(/)"/>
    <xsl:if test="exists($notes) or exists($works)">
      <xsl:text>#k.part("commentary", </xsl:text><xsl:value-of select="kp:str(kp:l('commentary'))"/><xsl:text>)[&#xA;</xsl:text>
      <xsl:for-each select="$notes">
        <xsl:variable name="body" select="kse:commentary-body(., $kp:ui-lang)"/>
        <xsl:variable name="code" select="kp:lang-code(($body/ancestor-or-self::*/@xml:lang)[last()])"/>
        <xsl:variable name="block" select="kse:block-of(.)"/>
        <xsl:text>#k.comment-entry(</xsl:text><xsl:value-of select="kse:commentary-number(.)"/>
        <xsl:text>, </xsl:text><xsl:value-of select="if ($block) then kp:str(kse:block-number($block)) else 'none'"/>
        <xsl:text>, </xsl:text>
        <xsl:value-of select="'text(' || kp:lang-args(($code[. != ''], $kp:ui-lang)[1]) || ')'
                              || kp:block(kp:trim(kp:comment-items(if ($body is .) then node() else $body/node())))"/>
        <xsl:text>)&#xA;</xsl:text>
      </xsl:for-each>
      <xsl:for-each select="$works">
        <xsl:value-of select="kp:subhead((tei:head ! normalize-space(.)[. != ''], kp:l('bibliography'))[1])"/>
        <xsl:for-each select=".//(tei:biblStruct | tei:bibl)[not(ancestor::tei:biblStruct or ancestor::tei:bibl)]">
          <xsl:text>#k.work(</xsl:text><xsl:value-of select="kp:str(string(@xml:id))"/><xsl:text>, </xsl:text>
          <xsl:value-of select="kp:block(kp:work(.))"/><xsl:text>)&#xA;</xsl:text>
        </xsl:for-each>
      </xsl:for-each>
      <xsl:text>]&#xA;</xsl:text>
    </xsl:if>
  </xsl:template>

  <!-- the text of a note: as a note of the apparatus, with its citations -->
  <xsl:function name="kp:comment-items" as="xs:string*">
    <xsl:param name="nodes" as="node()*"/>
    <xsl:apply-templates select="$nodes" mode="kp:comment"/>
  </xsl:function>
  <xsl:mode name="kp:comment" on-no-match="shallow-skip"/>
  <xsl:template match="node()" mode="kp:comment"><xsl:sequence select="kp:items(., 'kp:note')"/></xsl:template>
  <xsl:template match="tei:p" mode="kp:comment"><xsl:apply-templates mode="#current"/><xsl:sequence select="'#parbreak()'[current()/following-sibling::tei:p]"/></xsl:template>
  <xsl:template match="tei:bibl" mode="kp:comment"><xsl:apply-templates mode="#current"/></xsl:template>
  <xsl:template match="tei:ptr" mode="kp:comment">
    <xsl:variable name="work" select="kse:cited(.)"/>
    <xsl:sequence select="if ($work) then '#k.cite(' || kp:str(string($work/@xml:id)) || ', ' || kp:str(kse:bibl-short($work)) || ')'
                          else kp:t(normalize-space(@target))"/>
  </xsl:template>

  <!-- An entry of the bibliography: authors (surname, forenames), "title of the article", in: title of the
       book or journal in italics, editors, series, place: publisher, date, volume, issue, pages; DOI; note. -->
  <xsl:function name="kp:work" as="xs:string">
    <xsl:param name="b" as="element()"/>
    <xsl:variable name="names" select="function($people) { string-join($people ! normalize-space(
        if (tei:surname) then string-join((tei:surname, string-join(tei:forename ! normalize-space(.), ' ')), ', ') else .), '; ') }"/>
    <xsl:variable name="a" select="$b/tei:analytic"/>
    <xsl:variable name="m" select="$b/tei:monogr"/>
    <xsl:variable name="imprint" select="$m/tei:imprint"/>
    <xsl:variable name="parts" as="xs:string*">
      <xsl:choose>
        <xsl:when test="$b/self::tei:biblStruct">
          <xsl:sequence select="($names(($a/tei:author, $m/tei:author)[1]/../tei:author))[. != ''] ! kp:t(. || '. ')"/>
          <xsl:sequence select="$a/tei:title[1] ! kp:t('“' || normalize-space(.) || '.” ')"/>
          <xsl:sequence select="$m/tei:title[1] ! ('#emph(' || kp:str(normalize-space(.)) || ')' || kp:t('. '))"/>
          <xsl:sequence select="($names($m/tei:editor) ! ('ed. ' || .))[$m/tei:editor] ! kp:t(. || '. ')"/>
          <xsl:sequence select="$m/tei:respStmt ! kp:t(normalize-space(tei:resp) || ' ' || normalize-space(string-join((tei:name, tei:persName), ', ')) || '. ')"/>
          <xsl:sequence select="$b/tei:series/tei:title[1] ! kp:t('(' || normalize-space(.) || '.) ')"/>
          <xsl:sequence select="kp:t(string-join((string-join(($imprint/tei:pubPlace ! normalize-space(.), $imprint/tei:publisher ! normalize-space(.))[. != ''], ': '),
              $imprint/tei:date[1] ! normalize-space(.),
              $imprint/tei:biblScope ! (let $s := normalize-space(.) return if (@unit = 'page') then 'pp. ' || $s else if (@unit = 'issue') then 'no. ' || $s else $s))[. != ''], ', ') || '.')"/>
          <xsl:sequence select="($a, $m)/tei:idno[@type = 'DOI'][1] ! kp:t(' doi:' || normalize-space(.))"/>
          <xsl:sequence select="$b/tei:note ! (kp:t(' ') || '#k.work-note' || kp:block(kp:comment-items(node())))"/>
        </xsl:when>
        <xsl:otherwise><xsl:sequence select="kp:comment-items($b/node())"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:sequence select="string-join($parts)"/>
  </xsl:function>
</xsl:stylesheet>
