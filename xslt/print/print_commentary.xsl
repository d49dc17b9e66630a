<?xml version="1.0" encoding="UTF-8"?>
<!--
  print_commentary.xsl — the editors' commentary as the second series of notes, and the works it cites.

  A critical edition keeps two series apart: the textual apparatus at the foot of the page (print_text.xsl)
  and the commentary. Here the commentary follows the text as a chapter of its own: each note is marked in
  the text by a raised asterisk and its number (*12), a link to the note; the note opens with its number,
  the paragraph it belongs to and the page of its mark (found by Typst from the mark), and gives the
  version of the note in the interface language (kse:version-lang). Works cited by ptr are printed in
  author–date form (kse:short-cite), each a link to its entry in the bibliography, which closes the chapter.
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
    <xsl:if test="exists($n)"><xsl:sequence select="'#k.comment-mark(' || $n || $kp:scope-arg || ')'"/></xsl:if>
  </xsl:template>
  <xsl:template match="tei:note[@type = 'commentary']" mode="kp:text kp:note" priority="5"/>

  <!-- the bibliography is printed with the commentary, not where it stands in the back matter -->
  <xsl:template match="tei:back//tei:div[@type = 'bibliography']" mode="kp:text" priority="5"/>

  <!-- the chapter: the notes, then the works cited -->
  <xsl:template name="kp:commentary">
    <xsl:variable name="notes" select="kse:commentary-notes(/)"/>
    <xsl:variable name="works" select="kse:bibliography(/)"/>
    <xsl:if test="exists($notes) or exists($works)">
      <!-- a part of its own; in a book of the corpus, a section that closes the document's chapter -->
      <xsl:choose>
        <xsl:when test="$chapter != ''"><xsl:value-of select="kp:subhead(kp:l('commentary-part'))"/><xsl:text>#[&#xA;</xsl:text></xsl:when>
        <xsl:otherwise>
          <xsl:text>#k.part("commentary", </xsl:text><xsl:value-of select="kp:str(kp:l('commentary-part'))"/><xsl:text>)[&#xA;</xsl:text>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:for-each select="$notes">
        <!-- the version of the note an interface in the print's language shows (the common layer's rule) -->
        <xsl:variable name="shown" select="kse:version-lang(kse:version-langs(.), $kp:ui-lang)"/>
        <xsl:variable name="body" select="kse:version-in(., $shown)"/>
        <xsl:variable name="block" select="kse:block-of(.)"/>
        <xsl:text>#k.comment-entry(</xsl:text><xsl:value-of select="kse:commentary-number(.)"/>
        <xsl:text>, </xsl:text><xsl:value-of select="if ($block) then kp:str(kse:block-number($block)) else 'none'"/>
        <xsl:value-of select="$kp:scope-arg"/><xsl:text>, </xsl:text>
        <xsl:value-of select="'text(' || kp:lang-args(($shown[. != ''], $kp:ui-lang)[1]) || ')'
                              || kp:block(kp:trim(kp:comment-items(if ($body[1] is .) then node() else $body)))"/>
        <xsl:text>)&#xA;</xsl:text>
      </xsl:for-each>
      <xsl:if test="exists($works)">
        <xsl:value-of select="kp:subhead(kp:l('bibliography-title'))"/>
        <xsl:for-each select="$works">
          <xsl:text>#k.work(</xsl:text><xsl:value-of select="kp:str(string(@xml:id))"/><xsl:value-of select="$kp:scope-arg"/><xsl:text>, </xsl:text>
          <xsl:value-of select="kp:block(kp:reference(.))"/><xsl:text>)&#xA;</xsl:text>
        </xsl:for-each>
      </xsl:if>
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
  <!-- a pointer to works: their short citations (the common layer's author–date form), links to their entries -->
  <xsl:template match="tei:ptr" mode="kp:comment">
    <xsl:variable name="works" select="kse:cited-works(.)"/>
    <xsl:sequence select="if (exists($works))
                          then string-join($works ! ('#k.cite(' || kp:str(string(@xml:id)) || ', ' || kp:str(kse:short-cite(.)) || $kp:scope-arg || ')'), kp:t('; '))
                          else kp:t(normalize-space(@target))"/>
  </xsl:template>

  <!-- An entry of the bibliography, from the parts the common layer gives (kse:reference, Chicago author-date:
       the same entry as on bibliography.html): titles in italics or quotation marks, the interface's words as
       labels, dates in the print's language; a link is printed as its text (a printed page does not act). -->
  <xsl:function name="kp:reference" as="xs:string*">
    <xsl:param name="b" as="element()"/>
    <xsl:variable name="ditto" select="kse:bibl-ditto($b)"/>
    <xsl:variable name="parts" select="kse:reference($b)"/>
    <xsl:variable name="first-lead" select="(for $i in 1 to count($parts) return $i[$parts[$i]?lead])[1]"/>
    <xsl:for-each select="$parts">
      <xsl:variable name="p" select="."/>
      <xsl:choose>
        <xsl:when test="exists($p?node)"><xsl:sequence select="kp:comment-items($p?node/node())"/></xsl:when>
        <xsl:when test="exists($p?label)"><xsl:sequence select="kp:t(kp:l($p?label))"/></xsl:when>
        <xsl:when test="exists($p?date)"><xsl:sequence select="kp:t(kse:format-date($p?date, $kp:ui-lang))"/></xsl:when>
        <xsl:when test="$ditto and $p?lead">
          <xsl:if test="position() = $first-lead"><xsl:sequence select="kp:t('———')"/></xsl:if>
        </xsl:when>
        <xsl:when test="$p?style = 'italic'"><xsl:sequence select="'#emph(' || kp:str($p?text) || ')'"/></xsl:when>
        <!-- quotation marks of the print's language: «…» in Kazakh and Russian (Typst has no Kazakh quotes) -->
        <xsl:when test="$p?style = 'quoted'"><xsl:sequence select="kp:t(if ($kp:ui-lang = ('kk', 'ru')) then '«' || $p?text || '»' else '“' || $p?text || '”')"/></xsl:when>
        <xsl:otherwise><xsl:sequence select="kp:t($p?text)"/></xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:function>
</xsl:stylesheet>
