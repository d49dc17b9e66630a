<?xml version="1.0" encoding="UTF-8"?>
<!--
  print_core.xsl — TEI P5 structures to calls of kse.typ, one template per element or group (the table the
  HTML target has in html_core.xsl, so that print renders whatever the HTML renders).

  Works on any reasonable TEI P5 text, not only our edition: prose (div/head/p, lists, tables, figures,
  quotations), verse (lg/l, numbered in the margin every fifth line or as @n says), letters
  (opener/closer/salute/signed/dateline/postscript), drama (sp/speaker/stage, castList), title pages.
  Unknown elements fall through: a block-level one prints its children as blocks, an inline one its text,
  so no words of <text> are lost. Remote or local images are not embedded (the build reads nothing the TEI
  points to): a figure prints its heading and description. Paragraphs, names and the apparatus are in
  print_text.xsl (mode kp:text for blocks, kp:inline for the content of a block).
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:kse="urn:kse:xslt"
  xmlns:kp="urn:kse:print"
  exclude-result-prefixes="#all">

  <xsl:mode name="kp:text" on-no-match="shallow-skip"/>

  <!-- ============ divisions ============ -->
  <xsl:template match="tei:front | tei:body | tei:back | tei:group | tei:div | tei:div1 | tei:div2 | tei:div3
                       | tei:div4 | tei:div5 | tei:div6 | tei:div7 | tei:floatingText/tei:body" mode="kp:text">
    <xsl:value-of select="kp:lang-open(.)"/>
    <xsl:apply-templates select="node() except tei:head[1][. is ancestor::tei:text/tei:body/tei:div[1]/tei:head[1]]" mode="kp:text"/>
    <xsl:value-of select="kp:lang-close(.)"/>
  </xsl:template>
  <xsl:template match="tei:div[@type = 'residue']" mode="kp:text" priority="2">
    <xsl:if test="$show-residue = 'yes'"><xsl:next-match/></xsl:if>
  </xsl:template>
  <xsl:template match="tei:text//tei:text" mode="kp:text">
    <xsl:apply-templates select="tei:front, tei:body, tei:back" mode="kp:text"/>
  </xsl:template>
  <xsl:template match="tei:floatingText" mode="kp:text">
    <xsl:text>#k.quote-block[</xsl:text><xsl:apply-templates select="*" mode="kp:text"/><xsl:text>]&#xA;</xsl:text>
  </xsl:template>
  <!-- head: the depth of its division -->
  <!-- a head without text prints nothing (an empty heading is refused in an accessible PDF) -->
  <xsl:template match="tei:head[normalize-space(.) = '']" mode="kp:text" priority="2"/>
  <xsl:template match="tei:head" mode="kp:text">
    <xsl:text>#k.section-head(</xsl:text><xsl:value-of select="max((0, count(ancestor::*[starts-with(local-name(), 'div') or self::tei:lg or self::tei:list or self::tei:table]) - 1))"/>
    <xsl:text>, </xsl:text><xsl:value-of select="kp:block(kp:trim(kp:items(node(), 'kp:inline')))"/><xsl:text>)&#xA;</xsl:text>
  </xsl:template>
  <xsl:template match="tei:ab | tei:trailer | tei:argument/tei:p | tei:byline | tei:docTitle | tei:titlePart | tei:docAuthor
                       | tei:docDate | tei:docImprint | tei:docEdition | tei:imprimatur | tei:label[not(parent::tei:list)]" mode="kp:text">
    <xsl:value-of select="kp:lang-open(.)"/>
    <xsl:text>#k.block-text</xsl:text><xsl:value-of select="kp:block(kp:trim(kp:items(node(), 'kp:inline')))"/>
    <xsl:value-of select="kp:lang-close(.)"/><xsl:text>&#xA;</xsl:text>
  </xsl:template>
  <xsl:template match="tei:titlePage | tei:argument | tei:epigraph | tei:opener | tei:closer | tei:postscript | tei:div/tei:address"
                mode="kp:text">
    <xsl:variable name="fn" select="if (self::tei:closer) then 'closer' else if (self::tei:epigraph) then 'quote-block' else 'opener'"/>
    <xsl:text>#k.</xsl:text><xsl:value-of select="$fn"/><xsl:text>[</xsl:text>
    <xsl:for-each-group select="node()" group-adjacent="kp:is-block-element(.)">
      <xsl:choose>
        <xsl:when test="current-grouping-key()"><xsl:apply-templates select="current-group()" mode="kp:text"/></xsl:when>
        <xsl:when test="normalize-space(string-join(current-group())) != '' or current-group()/self::*">
          <xsl:text>#k.line-block</xsl:text><xsl:value-of select="kp:block(kp:trim(kp:items(current-group(), 'kp:inline')))"/><xsl:text>&#xA;</xsl:text>
        </xsl:when>
      </xsl:choose>
    </xsl:for-each-group>
    <xsl:text>]&#xA;</xsl:text>
  </xsl:template>
  <xsl:template match="tei:salute | tei:signed | tei:dateline | tei:addrLine | tei:address" mode="kp:text">
    <xsl:text>#k.line-block</xsl:text><xsl:value-of select="kp:block(kp:trim(kp:items(node(), 'kp:inline')))"/><xsl:text>&#xA;</xsl:text>
  </xsl:template>

  <!-- ============ verse ============ -->
  <xsl:template match="tei:lg" mode="kp:text">
    <xsl:value-of select="kp:lang-open(.)"/>
    <xsl:text>#k.line-group[</xsl:text><xsl:apply-templates mode="kp:text"/><xsl:text>]</xsl:text>
    <xsl:value-of select="kp:lang-close(.)"/><xsl:text>&#xA;</xsl:text>
  </xsl:template>
  <!-- a verse line: its number in the margin when @n is given on every fifth line, or, without @n, every fifth -->
  <xsl:template match="tei:l" mode="kp:text">
    <xsl:variable name="n" select="kse:block-number(.)"/>
    <xsl:variable name="shown" select="if (matches($n, '^\d+$')) then xs:integer($n) mod 5 = 0 else $n != ''"/>
    <xsl:value-of select="kp:lang-open(.)"/>
    <xsl:text>#k.verse-line(</xsl:text><xsl:value-of select="if ($shown) then kp:str($n) else 'none'"/>
    <xsl:if test="matches(@rend, 'indent')">, indent: 1</xsl:if>
    <xsl:text>)</xsl:text><xsl:value-of select="kp:block(kp:trim(kp:items(node(), 'kp:inline')))"/>
    <xsl:value-of select="kp:lang-close(.)"/><xsl:text>&#xA;</xsl:text>
  </xsl:template>

  <!-- ============ drama ============ -->
  <xsl:template match="tei:sp" mode="kp:text">
    <xsl:apply-templates mode="kp:text"/>
  </xsl:template>
  <xsl:template match="tei:speaker" mode="kp:text">
    <xsl:text>#k.speaker</xsl:text><xsl:value-of select="kp:block(kp:trim(kp:items(node(), 'kp:inline')))"/><xsl:text>&#xA;</xsl:text>
  </xsl:template>
  <xsl:template match="tei:stage | tei:move" mode="kp:text">
    <xsl:text>#k.stage</xsl:text><xsl:value-of select="kp:block(kp:trim(kp:items(node(), 'kp:inline')))"/><xsl:text>&#xA;</xsl:text>
  </xsl:template>
  <xsl:template match="tei:stage" mode="kp:inline">
    <xsl:sequence select="'#k.inline-stage' || kp:block(kp:items(node(), 'kp:inline'))"/>
  </xsl:template>
  <xsl:template match="tei:castList" mode="kp:text">
    <xsl:apply-templates select="tei:head" mode="kp:text"/>
    <xsl:text>#k.bullet-list(</xsl:text>
    <xsl:value-of select="kp:array((* except tei:head) ! kp:block(kp:trim(kp:items(node(), 'kp:inline'))))"/>
    <xsl:text>)&#xA;</xsl:text>
  </xsl:template>
  <xsl:template match="tei:castGroup/tei:head" mode="kp:inline"><xsl:sequence select="kp:items(node(), 'kp:inline') || kp:t(': ')"/></xsl:template>
  <xsl:template match="tei:castItem" mode="kp:inline"><xsl:apply-templates mode="kp:inline"/><xsl:sequence select="kp:t('; ')"/></xsl:template>
  <xsl:template match="tei:roleDesc" mode="kp:inline"><xsl:sequence select="'#emph' || kp:block(kp:items(node(), 'kp:inline'))"/></xsl:template>

  <!-- ============ lists and tables ============ -->
  <xsl:template match="tei:list" mode="kp:text">
    <xsl:apply-templates select="tei:head" mode="kp:text"/>
    <xsl:choose>
      <xsl:when test="tei:label">
        <xsl:text>#k.gloss-list(</xsl:text>
        <xsl:value-of select="kp:array(tei:label ! kp:pair(kp:block(kp:items(node(), 'kp:inline')),
                              kp:block(kp:item-content(following-sibling::tei:item[1]))))"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:text>#k.</xsl:text><xsl:value-of select="if (@type = ('ordered', 'numbered') or matches(@rend, 'numbered|ordered')) then 'numbered-list' else 'bullet-list'"/>
        <xsl:text>(</xsl:text><xsl:value-of select="kp:array(tei:item ! kp:block(kp:item-content(.)))"/>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:text>)&#xA;</xsl:text>
  </xsl:template>
  <!-- an item holds phrases, or blocks (paragraphs, nested lists) -->
  <xsl:function name="kp:item-content" as="xs:string">
    <xsl:param name="item" as="element()?"/>
    <xsl:variable name="items" as="xs:string*">
      <xsl:for-each-group select="$item/node()" group-adjacent="kp:is-block-element(.)">
        <xsl:choose>
          <xsl:when test="current-grouping-key()"><xsl:apply-templates select="current-group()" mode="kp:text"/></xsl:when>
          <xsl:otherwise><xsl:sequence select="kp:trim(kp:items(current-group(), 'kp:inline'))"/></xsl:otherwise>
        </xsl:choose>
      </xsl:for-each-group>
    </xsl:variable>
    <xsl:sequence select="string-join($items)"/>
  </xsl:function>
  <xsl:function name="kp:is-block-element" as="xs:boolean">
    <xsl:param name="n" as="node()"/>
    <xsl:sequence select="exists($n[self::tei:p or self::tei:list or self::tei:table or self::tei:lg or self::tei:l
        or self::tei:ab or self::tei:quote[tei:p or tei:lg or tei:l] or self::tei:figure or self::tei:sp or self::tei:head
        or self::tei:salute or self::tei:signed or self::tei:dateline or self::tei:address or self::tei:byline
        or self::tei:docTitle or self::tei:titlePart or self::tei:docAuthor or self::tei:docDate or self::tei:docImprint
        or self::tei:castList or self::tei:stage[parent::tei:div or parent::tei:body or parent::tei:sp] or self::tei:div])"/>
  </xsl:function>
  <xsl:template match="tei:table" mode="kp:text">
    <xsl:apply-templates select="tei:head" mode="kp:text"/>
    <xsl:variable name="columns" select="max((tei:row ! sum(tei:cell ! (if (@cols castable as xs:integer) then xs:integer(@cols) else 1)), 1))"/>
    <xsl:text>#k.table-of(</xsl:text><xsl:value-of select="$columns"/><xsl:text>, </xsl:text>
    <xsl:value-of select="kp:array(tei:row/tei:cell ! (
        let $span := if (@cols castable as xs:integer) then max((1, min((xs:integer(@cols), $columns)))) else 1
        return if ($span gt 1) then 'table.cell(colspan: ' || $span || ', ' || kp:block(kp:item-content(.)) || ')'
               else kp:block(kp:item-content(.))))"/>
    <xsl:text>)&#xA;</xsl:text>
  </xsl:template>

  <!-- ============ figures, quotations ============ -->
  <xsl:template match="tei:figure" mode="kp:text">
    <xsl:text>#k.figure-of(</xsl:text>
    <xsl:value-of select="if (tei:head) then kp:block(kp:items(tei:head/node(), 'kp:inline')) else 'none'"/>
    <xsl:text>, </xsl:text>
    <xsl:value-of select="kp:block((
        tei:figDesc ! ('#emph' || kp:block(kp:trim(kp:items(node(), 'kp:inline')))),
        (* except (tei:head, tei:figDesc, tei:graphic)) ! kp:item-content(.)))"/>
    <xsl:text>)&#xA;</xsl:text>
  </xsl:template>
  <xsl:template match="tei:figure" mode="kp:inline">
    <xsl:sequence select="kp:t(' [') || kp:items((tei:head, tei:figDesc)/node(), 'kp:inline') || kp:t('] ')"/>
  </xsl:template>
  <xsl:template match="tei:quote[tei:p or tei:lg or tei:l] | tei:cit[tei:quote[tei:p or tei:lg or tei:l]]" mode="kp:text">
    <xsl:text>#k.quote-block[</xsl:text><xsl:apply-templates mode="kp:text"/><xsl:text>]&#xA;</xsl:text>
  </xsl:template>
  <xsl:template match="tei:quote | tei:cit | tei:said[not(ancestor::tei:p)]" mode="kp:text">
    <xsl:text>#k.quote-block[#k.line-block</xsl:text><xsl:value-of select="kp:block(kp:trim(kp:items(node(), 'kp:inline')))"/><xsl:text>]&#xA;</xsl:text>
  </xsl:template>
  <xsl:template match="tei:cit" mode="kp:inline" priority="-1"><xsl:apply-templates mode="kp:inline"/></xsl:template>
  <xsl:template match="tei:cit/tei:bibl" mode="kp:inline"><xsl:sequence select="kp:t(' (') || kp:items(node(), 'kp:inline') || kp:t(')')"/></xsl:template>
  <xsl:template match="tei:cit/tei:bibl" mode="kp:text"><xsl:text>#k.closer</xsl:text><xsl:value-of select="kp:block(kp:trim(kp:items(node(), 'kp:inline')))"/><xsl:text>&#xA;</xsl:text></xsl:template>

  <!-- anything else at block level: its blocks as blocks, its loose text as a block of its own -->
  <xsl:template match="tei:*" mode="kp:text" priority="-1">
    <xsl:for-each-group select="node()" group-adjacent="kp:is-block-element(.) or (self::* and .//(tei:p | tei:l | tei:ab))">
      <xsl:choose>
        <xsl:when test="current-grouping-key()"><xsl:apply-templates select="current-group()" mode="kp:text"/></xsl:when>
        <xsl:when test="normalize-space(string-join(current-group())) != ''">
          <xsl:text>#k.block-text</xsl:text><xsl:value-of select="kp:block(kp:trim(kp:items(current-group(), 'kp:inline')))"/><xsl:text>&#xA;</xsl:text>
        </xsl:when>
      </xsl:choose>
    </xsl:for-each-group>
  </xsl:template>
  <xsl:template match="text()" mode="kp:text"/>

  <!-- ============ phrase level ============ -->
  <xsl:template match="tei:hi" mode="kp:inline">
    <xsl:variable name="r" select="string-join((@rend, @rendition, @style), ' ')"/>
    <xsl:variable name="fn" select="if (matches($r, 'bold')) then 'strong' else if (matches($r, 'sup')) then 'super'
        else if (matches($r, 'sub')) then 'sub' else if (matches($r, 'small-?caps|sc')) then 'smallcaps'
        else if (matches($r, 'under')) then 'underline' else if (matches($r, 'strike')) then 'strike'
        else if (matches($r, 'spaced|letterspace')) then 'text.with(tracking: 0.15em)' else 'emph'"/>
    <xsl:sequence select="'#' || $fn || kp:block(kp:items(node(), 'kp:inline'))"/>
  </xsl:template>
  <xsl:template match="tei:emph | tei:foreign | tei:term | tei:mentioned | tei:soCalled[@rend = 'italic'] | tei:title[not(ancestor::tei:bibl)]
                       | tei:title[@level = ('m', 'j', 's')]" mode="kp:inline">
    <xsl:variable name="code" select="kp:lang-code(@xml:lang)"/>
    <!-- no italics for scripts that have none (Arabic, Hebrew): the language alone sets them apart -->
    <xsl:sequence select="(if ($code = $kp:rtl) then '#text(' || kp:lang-args($code, @xml:lang) || ')' || kp:block(kp:items(node(), 'kp:inline'))
                           else if ($code != '') then '#text(' || kp:lang-args($code, @xml:lang) || ', emph' || kp:block(kp:items(node(), 'kp:inline')) || ')'
                           else '#emph' || kp:block(kp:items(node(), 'kp:inline')))"/>
  </xsl:template>
  <!-- the edition's titles of articles stay upright: the text quotes them in «…» -->
  <xsl:template match="tei:text//tei:p//tei:title[not(@level)] | tei:text//tei:p//tei:title[@level = 'a']" mode="kp:inline" priority="2">
    <xsl:apply-templates mode="kp:inline"/>
  </xsl:template>
  <xsl:template match="tei:q | tei:quote | tei:said | tei:soCalled" mode="kp:inline">
    <xsl:variable name="code" select="kp:lang-code(@xml:lang)"/>
    <xsl:variable name="body" select="kp:items(node(), 'kp:inline')"/>
    <xsl:sequence select="if ($code != '') then '#text(' || kp:lang-args($code, @xml:lang) || ')[' || $body || ']' else $body"/>
  </xsl:template>
  <xsl:template match="*[@xml:lang][not(self::tei:q or self::tei:quote or self::tei:said or self::tei:foreign or self::tei:title or self::tei:emph or self::tei:term or self::tei:mentioned or self::tei:soCalled or self::tei:note)]"
                mode="kp:inline" priority="3">
    <xsl:variable name="code" select="kp:lang-code(@xml:lang)"/>
    <xsl:variable name="inner" as="xs:string*"><xsl:next-match/></xsl:variable>
    <xsl:sequence select="if ($code != '') then '#text(' || kp:lang-args($code, @xml:lang) || ')[' || string-join($inner) || ']' else string-join($inner)"/>
  </xsl:template>
  <xsl:template match="tei:lb" mode="kp:inline">
    <xsl:sequence select="if (@break = 'no') then '' else if (ancestor::tei:p or ancestor::tei:ab) then kp:t(' ') else '#linebreak()'"/>
  </xsl:template>
  <xsl:template match="tei:pb" mode="kp:inline"><xsl:sequence select="'#k.page-break-mark(' || (if (@n) then kp:str(@n) else 'none') || ')'"/></xsl:template>
  <xsl:template match="tei:pb | tei:cb | tei:milestone | tei:anchor | tei:fw | tei:index | tei:interp | tei:interpGrp | tei:link
                       | tei:linkGrp | tei:span | tei:spanGrp | tei:alt | tei:altGrp | tei:join | tei:timeline | tei:figDesc[parent::tei:figure]
                       | tei:graphic | tei:media | tei:witDetail | tei:certainty | tei:precision | tei:respons"
                mode="kp:text"/>
  <xsl:template match="tei:cb | tei:milestone | tei:anchor | tei:fw | tei:index | tei:interp | tei:interpGrp | tei:link | tei:linkGrp
                       | tei:span | tei:spanGrp | tei:alt | tei:altGrp | tei:join | tei:timeline | tei:graphic | tei:media
                       | tei:witDetail | tei:certainty | tei:precision | tei:respons" mode="kp:inline"/>
  <xsl:template match="tei:gap" mode="kp:inline"><xsl:sequence select="'#k.gap-mark'"/></xsl:template>
  <xsl:template match="tei:del" mode="kp:inline"><xsl:sequence select="'#strike' || kp:block(kp:items(node(), 'kp:inline'))"/></xsl:template>
  <xsl:template match="tei:add" mode="kp:inline"><xsl:sequence select="kp:t('⸌') || kp:items(node(), 'kp:inline') || kp:t('⸍')"/></xsl:template>
  <xsl:template match="tei:unclear" mode="kp:inline"><xsl:apply-templates mode="kp:inline"/><xsl:sequence select="kp:t('(?)')[not(current()/ancestor::tei:choice)]"/></xsl:template>
  <xsl:template match="tei:subst" mode="kp:inline"><xsl:apply-templates mode="kp:inline"/></xsl:template>
  <xsl:template match="tei:gi" mode="kp:inline"><xsl:sequence select="kp:t('&lt;' || . || '&gt;')"/></xsl:template>
  <!-- a formula in another notation than MathML (TeX, plain text): its text (MathML: print_math.xsl) -->
  <xsl:template match="tei:formula" mode="kp:inline"><xsl:sequence select="kp:t(normalize-space(.))"/></xsl:template>
  <!-- the letters an editor adds to expand an abbreviation, in parentheses (the Leiden convention): e(st) -->
  <xsl:template match="tei:ex" mode="kp:inline"><xsl:sequence select="kp:t('(') || kp:items(node(), 'kp:inline') || kp:t(')')"/></xsl:template>
  <!-- everything else inline: its content (TEI elements) -->
  <xsl:template match="tei:*" mode="kp:inline" priority="-1"><xsl:apply-templates mode="kp:inline"/></xsl:template>
  <!-- a block inside a phrase (a list in a paragraph, a quoted verse line …): set inline, parted by spaces -->
  <xsl:template match="tei:p//tei:list | tei:p//tei:lg | tei:p//tei:table" mode="kp:inline" priority="1">
    <xsl:sequence select="kp:t(' ')"/><xsl:apply-templates mode="kp:inline"/><xsl:sequence select="kp:t(' ')"/>
  </xsl:template>
  <xsl:template match="tei:p//tei:item | tei:p//tei:l | tei:p//tei:cell | tei:p//tei:head" mode="kp:inline" priority="1">
    <xsl:apply-templates mode="kp:inline"/><xsl:sequence select="kp:t(' ')"/>
  </xsl:template>
</xsl:stylesheet>
