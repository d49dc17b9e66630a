<?xml version="1.0" encoding="UTF-8"?>
<!--
  print_text.xsl — the text of the print edition and its critical apparatus, as calls of kse.typ.

  The body shows the reading view (corrections, not the errors of the witness). Every intervention that
  kse:is-intervention() counts gets one apparatus entry: a mark in the text (k.mark) whose entry Typst sets
  at the foot of the page of the mark, numbered with kse:app-number(), so the numbers are those of the HTML
  edition. An entry reads
      ¶ 6  12 lemma] witness reading W, certainty (when not high). Editorial notes attached to it.
  and for a variant (app) "lemma] reading A B; reading C", an omission as "om.". A <sic> alone prints its
  text and the siglum with the label of a doubtful passage; <supplied> prints in ⟨ ⟩; an editorial note not
  attached to an intervention is an entry of its own. The names the printed indexes list carry metadata
  (k.occ) so that the indexes can find their pages.
  A paragraph broken by the witness (p[@part='I'] + p[@part='F']) is printed as one paragraph; the number
  of the second part stands in the margin beside the line where it begins.
  Block-level structures (verse, drama, letters, lists, tables …) are in print_core.xsl; this module holds
  the paragraph, the inline reading view and the apparatus.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:kse="urn:kse:xslt"
  xmlns:kp="urn:kse:print"
  exclude-result-prefixes="#all">

  <xsl:template match="tei:text" mode="kp:text">
    <xsl:variable name="head" select="tei:body/tei:div[1]/tei:head[1][normalize-space(.) != '']"/>
    <xsl:text>#k.article-title("text", </xsl:text>
    <xsl:value-of select="if ($head) then kp:block(kp:items($head/node(), 'kp:inline')) else kp:str(kp:main-title(/))"/>
    <xsl:text>, running: </xsl:text><xsl:value-of select="kp:str(kp:l('text'))"/>
    <xsl:text>, outlined: </xsl:text><xsl:value-of select="kp:str(kp:main-title(/))"/><xsl:text>)&#xA;</xsl:text>
    <xsl:if test="$apparatus-key = 'line'">#set par.line(numbering: k.line-numbering())&#xA;</xsl:if>
    <xsl:apply-templates select="tei:front, tei:body, tei:group" mode="kp:text"/>
    <xsl:apply-templates select="tei:back/node() except tei:back/tei:div[@type = 'source']" mode="kp:text"/>
    <xsl:for-each select="tei:back/tei:div[@type = 'source']/tei:bibl">
      <xsl:text>#k.source-line</xsl:text><xsl:value-of select="kp:block(kp:items(node(), 'kp:inline'))"/><xsl:text>&#xA;</xsl:text>
    </xsl:for-each>
    <xsl:text>#k.part-end()&#xA;</xsl:text>
    <xsl:if test="$apparatus-key = 'line'">#set par.line(numbering: none)&#xA;</xsl:if>
    <xsl:call-template name="kp:endnotes"/>
  </xsl:template>

  <xsl:template match="tei:p" mode="kp:text">
    <xsl:variable name="first" select="empty(preceding-sibling::tei:p) or preceding-sibling::*[1][not(self::tei:p)]"/>
    <xsl:variable name="items" as="xs:string*">
      <xsl:apply-templates mode="kp:inline"/>
      <xsl:if test="@part = 'I'">
        <xsl:for-each select="following-sibling::tei:p[1][@part = ('M', 'F')]">
          <xsl:sequence select="kp:t(' ')"/>
          <xsl:sequence select="'#k.margin-number(' || kp:str(kse:block-number(.)) || ')'"/>
          <xsl:apply-templates mode="kp:inline"/>
        </xsl:for-each>
      </xsl:if>
    </xsl:variable>
    <xsl:value-of select="kp:lang-open(.)"/>
    <xsl:text>#k.para(</xsl:text><xsl:value-of select="kp:str(kse:block-number(.))"/>
    <xsl:if test="$first">, first: true</xsl:if>
    <xsl:text>)</xsl:text>
    <xsl:value-of select="kp:block(kp:trim($items))"/>
    <xsl:value-of select="kp:lang-close(.)"/>
    <xsl:text>&#xA;</xsl:text>
  </xsl:template>
  <!-- the second part of a broken paragraph was printed with the first -->
  <xsl:template match="tei:p[@part = ('M', 'F')][preceding-sibling::tei:p[1][@part = ('I', 'M')]]" mode="kp:text"/>

  <!-- A block in another language than its parent: its text set in that language (hyphenation, quotes,
       right-to-left direction for Arabic and Hebrew). Opens a Typst text() around the block. -->
  <xsl:function name="kp:lang-open" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="code" select="kp:lang-code($e/@xml:lang)"/>
    <xsl:sequence select="if ($code != '') then '#text(' || kp:lang-args($code, $e/@xml:lang) || ')[' else ''"/>
  </xsl:function>
  <xsl:function name="kp:lang-close" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="if (kp:lang-code($e/@xml:lang) != '') then ']' else ''"/>
  </xsl:function>

  <!-- The items of a block with the spaces at its two ends dropped (XML indentation around the text). Only
       the first and last items are looked at, and only when they are plain text, #"…". -->
  <xsl:function name="kp:trim" as="xs:string*">
    <xsl:param name="items" as="xs:string*"/>
    <xsl:variable name="n" select="count($items)"/>
    <xsl:sequence select="for $i in 1 to $n return
        let $s := $items[$i],
            $s := if ($i = 1 and starts-with($s, '#&quot; ')) then '#&quot;' || substring($s, 4) else $s,
            $s := if ($i = $n and ends-with($s, ' &quot;') and not(ends-with($s, '\ &quot;'))) then substring($s, 1, string-length($s) - 2) || '&quot;' else $s
        return $s[. != '#&quot;&quot;']"/>
  </xsl:function>

  <!-- ============ inline content: the reading view ============ -->
  <xsl:mode name="kp:inline" on-no-match="shallow-skip"/>
  <xsl:template match="text()" mode="kp:inline"><xsl:sequence select="kp:keep-ordinals(string(.))"/></xsl:template>
  <!-- a number and its suffix stay on one line ("1-Конституциясында", "600-ден"): a line may break after a
       hyphen, which here would leave "1-" at the end of a line -->
  <xsl:function name="kp:keep-ordinals" as="xs:string*">
    <xsl:param name="s" as="xs:string"/>
    <xsl:analyze-string select="$s" regex="\d+-\p{{L}}+">
      <xsl:matching-substring><xsl:sequence select="'#box(' || kp:str(.) || ')'"/></xsl:matching-substring>
      <xsl:non-matching-substring><xsl:sequence select="kp:t(.)"/></xsl:non-matching-substring>
    </xsl:analyze-string>
  </xsl:function>
  <!-- initials stay with the surname (no line or page break after "Қ. И."), as in good typesetting; so the
       index page of a name is the page that holds the whole name -->
  <xsl:template match="text()[ancestor::tei:persName]" mode="kp:inline" priority="2">
    <!-- also a space that opens a text node after an initial printed before it (a corrected initial and its
         mark: "Н.¹⁶⁶ Г. Хлудовтың") -->
    <xsl:variable name="before" select="(ancestor::tei:persName[1]//text()[. &lt;&lt; current()])[last()]"/>
    <xsl:sequence select="kp:t(replace(if (matches($before, '\p{Lu}\.$')) then replace(., '^\s+', '&#xA0;') else .,
                                  '(\p{Lu}\.)\s+', '$1&#xA0;'))"/>
  </xsl:template>
  <!-- text quoted outside its paragraph (the chronology): initials tied, numbers kept with their suffix -->
  <xsl:function name="kp:phrase" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:sequence select="string-join(kp:keep-ordinals(kp:tie-initials($s)))"/>
  </xsl:function>
  <!-- the same for initials in notes, the chronology and the indexes: "В. И. Ленин", "Ә. Қастеев" -->
  <xsl:function name="kp:tie-initials" as="xs:string">
    <xsl:param name="s" as="xs:string?"/>
    <!-- an initial is a capital with a full stop standing alone ("ССР. Қазақ" ends a sentence); twice, since
         a match takes the capital after it, which may be the next initial -->
    <xsl:variable name="initial" select="'(^|[^\p{L}])(\p{Lu}\.)\s(\p{Lu})'"/>
    <xsl:sequence select="replace(replace(string($s), $initial, '$1$2&#xA0;$3'), $initial, '$1$2&#xA0;$3')"/>
  </xsl:function>

  <xsl:template match="tei:choice" mode="kp:inline">
    <xsl:apply-templates select="kse:correction(.)" mode="kp:inline"/>
    <xsl:call-template name="kp:app"/>
  </xsl:template>
  <!-- a choice of alternatives that are not corrections (two unclear readings, two segs): the first in the
       text, the others in the entry -->
  <xsl:template match="tei:choice[not(tei:corr or tei:reg or tei:expan)]" mode="kp:inline" priority="2">
    <xsl:apply-templates select="*[1]" mode="kp:inline"/>
    <xsl:call-template name="kp:app"/>
  </xsl:template>
  <xsl:template match="tei:choice/tei:corr | tei:choice/tei:reg | tei:choice/tei:expan" mode="kp:inline">
    <xsl:apply-templates mode="kp:inline"/>
  </xsl:template>
  <xsl:template match="tei:sic | tei:corr" mode="kp:inline">
    <xsl:apply-templates mode="kp:inline"/>
    <xsl:call-template name="kp:app"/>
  </xsl:template>
  <xsl:template match="tei:supplied" mode="kp:inline">
    <xsl:sequence select="kp:t('⟨')"/><xsl:apply-templates mode="kp:inline"/><xsl:sequence select="kp:t('⟩')"/>
    <xsl:call-template name="kp:app"/>
  </xsl:template>
  <xsl:template match="tei:app" mode="kp:inline">
    <xsl:apply-templates select="(tei:lem, tei:rdg[1])[1]" mode="kp:inline"/>
    <xsl:call-template name="kp:app"/>
  </xsl:template>
  <xsl:template match="tei:lem | tei:rdg" mode="kp:inline"><xsl:apply-templates mode="kp:inline"/></xsl:template>

  <!-- a note: an editorial one is printed in the entry of the intervention it belongs to, or as an entry of
       its own; another (the author's) is a page-foot note marked with a letter, or an endnote -->
  <xsl:template match="tei:note" mode="kp:inline">
    <xsl:choose>
      <xsl:when test="kse:is-intervention(.)"><xsl:call-template name="kp:app"/></xsl:when>
      <xsl:when test="@type = 'editorial'"/>
      <xsl:when test="ancestor::tei:note"/>
      <xsl:when test="@place = ('inline', 'interlinear', 'above', 'below')">
        <xsl:sequence select="kp:t(' (') || kp:items(node(), 'kp:inline') || kp:t(')')"/>
      </xsl:when>
      <xsl:when test="@place = 'end'">
        <xsl:sequence select="'#k.endnote-mark(' || kp:str(kp:note-number(.)) || ')'"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:sequence select="'#k.note(' || kp:str(kp:note-number(.)) || ', ' || kp:block(kp:items(node(), 'kp:inline')) || ')'"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <!-- the author's notes are marked a, b, c … (the apparatus has the numbers) -->
  <xsl:function name="kp:note-number" as="xs:string">
    <xsl:param name="note" as="element()"/>
    <xsl:variable name="n"><xsl:number select="$note" level="any" from="tei:text" format="a"
        count="tei:note[not(@type = 'editorial')][not(ancestor::tei:note)][not(@place = ('inline', 'interlinear', 'above', 'below'))]"/></xsl:variable>
    <xsl:sequence select="string($n)"/>
  </xsl:function>
  <xsl:template name="kp:endnotes">
    <xsl:variable name="notes" select=".//tei:note[@place = 'end'][not(@type = 'editorial')][not(ancestor::tei:note)]
                                       [$show-residue = 'yes' or empty(ancestor::tei:div[@type = 'residue'])]"/>
    <xsl:if test="$notes">
      <xsl:text>#k.endnotes(</xsl:text><xsl:value-of select="kp:str(kp:l('endnotes'))"/><xsl:text>, </xsl:text>
      <xsl:value-of select="kp:array($notes ! kp:pair(kp:str(kp:note-number(.)), kp:block(kp:items(node(), 'kp:inline'))))"/>
      <xsl:text>)&#xA;</xsl:text>
    </xsl:if>
  </xsl:template>

  <!-- names and dates stay plain text. A name that one of the printed indexes lists is followed by metadata
       naming its register entry (k.occ), which gives the index its page: the page where the name ends. -->
  <xsl:template match="tei:persName | tei:placeName | tei:orgName | tei:name" mode="kp:inline">
    <xsl:variable name="entry" select="kse:entry(.)[kse:register-kind(.) = tokenize($indexes)]"/>
    <xsl:choose>
      <xsl:when test="$entry">
        <xsl:sequence select="'#k.occ(' || kp:str($entry/@xml:id) || ', ' || kp:block(kp:items(node(), 'kp:inline')) || ')'"/>
      </xsl:when>
      <xsl:otherwise><xsl:apply-templates mode="kp:inline"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ============ the apparatus: a mark per intervention, its entry at the foot of the page ============ -->
  <!-- The first entry of a block (paragraph, line) opens with the block number ("¶ 6"). Two marks with nothing
       printed between them would read as one number ("АССР⁵⁹⁶⁰"): a raised comma parts them (sep). -->
  <xsl:template name="kp:app">
    <xsl:variable name="n" select="kse:app-number(.)"/>
    <xsl:if test="exists($n)">
      <xsl:variable name="block" select="kse:block-of(.)"/>
      <xsl:variable name="opens-block" as="xs:boolean"
                    select="exists($block) and generate-id(.) = generate-id(kse:block-interventions($block)[exists(kse:app-number(.))][1])"/>
      <xsl:variable name="entry" as="xs:string*">
        <xsl:if test="$opens-block and $apparatus-key != 'line'">
          <!-- a verse line is keyed by its number alone, as editions of poetry do -->
          <xsl:sequence select="'#k.app-key(' || kp:str(kse:block-number($block)) || (', sign: none'[$block/self::tei:l]) || ')'"/>
        </xsl:if>
        <xsl:call-template name="kp:app-entry"/>
      </xsl:variable>
      <xsl:sequence select="'#k.mark(' || $n || ', ' || kp:block($entry) || (', sep: true'[kp:mark-before(current())]) || ')'"/>
    </xsl:if>
  </xsl:template>

  <!-- Is a mark the last thing printed before $n (nothing, not even a space, between)? -->
  <xsl:function name="kp:mark-before" as="xs:boolean">
    <xsl:param name="n" as="node()"/>
    <xsl:variable name="prev" select="$n/preceding-sibling::node()[1]"/>
    <xsl:sequence select="if ($prev) then
                            (if ($prev/self::tei:note[not(kse:is-intervention(.))][@type = 'editorial']) then kp:mark-before($prev)
                             else kp:ends-with-mark($prev))
                          else if ($n/parent::*[not(kse:is-block(.))] and not($n/parent::tei:corr or $n/parent::tei:lem or $n/parent::tei:reg or $n/parent::tei:expan)) then kp:mark-before($n/parent::*)
                          else false()"/>
  </xsl:function>
  <xsl:function name="kp:ends-with-mark" as="xs:boolean">
    <xsl:param name="n" as="node()"/>
    <xsl:sequence select="if ($n instance of text()) then false()
                          else if (exists(kse:app-number($n))) then true()
                          else if ($n/self::tei:note[not(@type = 'editorial')]) then true()
                          else if ($n/self::tei:note) then kp:mark-before($n)
                          else if ($n/node()) then kp:ends-with-mark($n/node()[last()])
                          else kp:mark-before($n)"/>
  </xsl:function>

  <!-- one entry: "12 lemma] witness reading W, certainty. Notes." -->
  <xsl:template name="kp:app-entry">
    <xsl:variable name="kind" select="kse:intervention-kind(.)"/>
    <xsl:variable name="cert" select="kse:cert(.)"/>
    <xsl:sequence select="'#k.app-n(' || kse:app-number(.) || ')' || kp:t('&#xA0;')"/>
    <xsl:choose>
      <xsl:when test="$kind = 'variant'">
        <xsl:sequence select="string-join(kp:keep-ordinals((kse:text(kse:correction(.), 'reading')[. != ''], kp:l('omitted'))[1]))"/>
        <xsl:sequence select="kp:t('] ')"/>
        <xsl:variable name="readings" select="tei:rdg | tei:rdgGrp/tei:rdg"/>
        <xsl:for-each select="$readings">
          <xsl:variable name="text" select="kse:text(node(), 'diplomatic')"/>
          <xsl:sequence select="if ($text != '') then kp:t($text) else '#emph(' || kp:str(kp:l('omitted')) || ')'"/>
          <xsl:sequence select="kp:t('&#xA0;') || '#k.siglum(' || kp:str(string-join(kp:sigla(@wit), ' ')) || ')'"/>
          <xsl:if test="position() != last()"><xsl:sequence select="kp:t('; ')"/></xsl:if>
        </xsl:for-each>
        <!-- what the editor says of a witness's reading (witDetail): "(R: erased)" -->
        <xsl:for-each select="tei:witDetail">
          <xsl:sequence select="kp:t(' (') || '#k.siglum(' || kp:str(string-join(kp:sigla(@wit), ' ')) || ')'
                                || kp:t(': ') || kp:items(node(), 'kp:note') || kp:t(')')"/>
        </xsl:for-each>
      </xsl:when>
      <xsl:when test="self::tei:choice[not(tei:corr or tei:reg or tei:expan or tei:sic or tei:orig or tei:abbr)]">
        <xsl:sequence select="kp:t(kse:text(*[1], 'reading') || '] ' || string-join(*[position() gt 1] ! kse:text(., 'reading'), ' | '))"/>
      </xsl:when>
      <xsl:when test="$kind = ('correction', 'regularization', 'expansion')">
        <xsl:sequence select="kp:keep-ordinals(kse:text(kse:correction(.), 'reading'))"/>
        <xsl:sequence select="kp:t('] ' || kse:text(kse:witness(.), 'diplomatic') || '&#xA0;')"/>
        <xsl:sequence select="'#k.siglum(' || kp:str($witness-siglum) || ')'"/>
      </xsl:when>
      <xsl:when test="$kind = 'sic'">
        <xsl:sequence select="kp:t(kse:text(., 'diplomatic') || '&#xA0;')"/>
        <xsl:sequence select="'#k.siglum(' || kp:str($witness-siglum || ', ' || kp:l('kind-sic')) || ')'"/>
      </xsl:when>
      <xsl:when test="$kind = 'supplied'">
        <xsl:sequence select="kp:t('⟨' || kse:text(., 'reading') || '⟩] ')"/>
        <xsl:sequence select="'#emph(' || kp:str(kp:l('supplied-by')) || ')'"/>
      </xsl:when>
    </xsl:choose>
    <xsl:if test="$cert = ('medium', 'low')">
      <xsl:sequence select="kp:t(', ') || '#k.cert(' || kp:str(lower-case(kp:l('certainty')) || ': ' || kp:l('cert-' || $cert)) || ')'"/>
    </xsl:if>
    <xsl:for-each select="kse:notes-of(.)">
      <xsl:if test="$kind != 'note' or position() > 1"><xsl:sequence select="kp:t('. ')"/></xsl:if>
      <xsl:variable name="code" select="kp:lang-code((ancestor-or-self::*/@xml:lang)[last()])"/>
      <xsl:sequence select="'#text(' || kp:lang-args(($code[. != ''], 'kk')[1]) || ')' || kp:block(kp:items(node(), 'kp:note'))"/>
    </xsl:for-each>
  </xsl:template>

  <!-- The sigla of a reading's @wit ("#P #R" → "P R"): each witness's siglum as listWit gives it (its @n, or
       the text of its <witness> when short), else the pointer itself. -->
  <xsl:function name="kp:sigla" as="xs:string*">
    <xsl:param name="wit" as="attribute()?"/>
    <xsl:sequence select="for $t in tokenize(normalize-space($wit), ' ')
        return let $id := replace($t, '^#', ''), $w := key('kse:id', $id, root($wit))[1]
        return if ($w) then kp:siglum-of($w) else $id"/>
  </xsl:function>
  <xsl:function name="kp:siglum-of" as="xs:string">
    <xsl:param name="w" as="element()"/>
    <xsl:sequence select="(normalize-space($w/@n)[. != ''], $w/tei:abbr[@type = 'siglum'] ! normalize-space(.),
                           string($w/@xml:id))[1]"/>
  </xsl:function>

  <xsl:mode name="kp:note" on-no-match="shallow-skip"/>
  <xsl:template match="text()" mode="kp:note"><xsl:sequence select="kp:keep-ordinals(kp:tie-initials(.))"/></xsl:template>
  <xsl:template match="tei:q" mode="kp:note"><xsl:sequence select="kp:t('“') || kp:items(node(), 'kp:note') || kp:t('”')"/></xsl:template>
  <xsl:template match="tei:title | tei:foreign | tei:mentioned | tei:hi | tei:emph | tei:term" mode="kp:note">
    <xsl:sequence select="'#emph' || kp:block(kp:items(node(), 'kp:note'))"/>
  </xsl:template>
  <xsl:template match="tei:note" mode="kp:note"/>
  <xsl:template match="tei:choice" mode="kp:note"><xsl:apply-templates select="kse:correction(.)" mode="kp:note"/></xsl:template>
  <xsl:template match="tei:app" mode="kp:note"><xsl:apply-templates select="(tei:lem, tei:rdg[1])[1]" mode="kp:note"/></xsl:template>
  <xsl:template match="tei:lb" mode="kp:note"><xsl:sequence select="kp:t(' ')[not(current()/@break = 'no')]"/></xsl:template>
</xsl:stylesheet>
