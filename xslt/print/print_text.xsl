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
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:kse="urn:kse:xslt"
  xmlns:kp="urn:kse:print"
  exclude-result-prefixes="#all">

  <xsl:template match="tei:text" mode="kp:text">
    <xsl:variable name="head" select="tei:body/tei:div[1]/tei:head[1][normalize-space(.) != '']"/>
    <!-- a chapter of a book of the corpus: its own label, and its title as the running head -->
    <xsl:text>#k.article-title(</xsl:text><xsl:value-of select="kp:str(string-join(('text', $chapter[. != '']), '-'))"/><xsl:text>, </xsl:text>
    <xsl:value-of select="if ($head) then kp:block(kp:items($head/node(), 'kp:inline')) else kp:str(kp:main-title(/))"/>
    <xsl:text>, running: </xsl:text><xsl:value-of select="kp:str(if ($chapter != '') then kp:running-title(kp:main-title(/)) else kp:l('text'))"/>
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

  <!-- a title short enough for the running head (one line in spaced capitals, on any paper): cut after a
       word before 48 characters, with an ellipsis -->
  <xsl:function name="kp:running-title" as="xs:string">
    <xsl:param name="title" as="xs:string"/>
    <xsl:sequence select="if (string-length($title) le 48) then $title
                          else replace(substring($title, 1, 48), '[\s,;:.–—-]+\S*$', '') || '…'"/>
  </xsl:function>

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
    <xsl:choose>
      <!-- no hyphen, no suffix: the regular expression is spared (this runs for every text node) -->
      <xsl:when test="not(contains($s, '-'))"><xsl:sequence select="kp:t($s)[$s != '']"/></xsl:when>
      <xsl:otherwise>
        <xsl:analyze-string select="$s" regex="\d+-\p{{L}}+">
          <xsl:matching-substring><xsl:sequence select="'#box(' || kp:str(.) || ')'"/></xsl:matching-substring>
          <xsl:non-matching-substring><xsl:sequence select="kp:t(.)"/></xsl:non-matching-substring>
        </xsl:analyze-string>
      </xsl:otherwise>
    </xsl:choose>
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
    <!-- no full stop, no initial: the two regular expressions are spared (this runs for every text node of
         the notes, the chronology and the indexes) -->
    <xsl:sequence select="if (not(contains($s, '.'))) then string($s)
                          else replace(replace(string($s), $initial, '$1$2&#xA0;$3'), $initial, '$1$2&#xA0;$3')"/>
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
  <!-- an app whose lemma stands in the text (parallel segmentation): the lemma of the common model (the lem,
       else the base witness's reading), then the mark -->
  <xsl:template match="tei:app" mode="kp:inline">
    <xsl:apply-templates select="kse:app-entry(.)?lemma?nodes" mode="kp:inline"/>
    <xsl:call-template name="kp:app"/>
  </xsl:template>
  <!-- location-referenced: the lem only repeats the text around it; the mark stands where the app does -->
  <xsl:template match="tei:app[not(kse:lemma-in-text(.))]" mode="kp:inline" priority="2">
    <xsl:call-template name="kp:app"/>
  </xsl:template>
  <!-- double-end-point: the text between the anchors stands as it is; the mark goes after it, at the @to
       anchor (else the @from one); the app itself, inline or in a listApp, prints nothing where it stands -->
  <xsl:template match="tei:app[kp:anchored(.)]" mode="kp:inline" priority="3"/>
  <xsl:template match="tei:anchor[@xml:id]" mode="kp:inline">
    <xsl:for-each select="key('kp:app-at', '#' || @xml:id)[kp:anchored(.)]">
      <xsl:call-template name="kp:app"/>
    </xsl:for-each>
  </xsl:template>
  <xsl:key name="kp:app-at" match="tei:app[@from or @to]" use="normalize-space((@to, @from)[1])"/>
  <xsl:function name="kp:anchored" as="xs:boolean">
    <xsl:param name="app" as="element(tei:app)"/>
    <xsl:sequence select="exists(($app/@to, $app/@from)[1] ! kse:anchor(.)[ancestor::tei:text])"/>
  </xsl:function>
  <!-- listApp: its apps that have a place in the text are marked there; the others (@loc only) are listed
       where the listApp stands, "3 (3) alto] alti P" -->
  <xsl:template match="tei:listApp" mode="kp:text">
    <xsl:variable name="loose" select="tei:app[not(kp:anchored(.))][exists(kse:app-number(.))]"/>
    <xsl:apply-templates select="tei:head" mode="kp:text"/>
    <xsl:for-each select="$loose">
      <xsl:text>#k.list-app-entry</xsl:text>
      <xsl:value-of select="kp:block((@loc ! (kp:t('(' || normalize-space(.) || ')') || kp:t('&#xA0;')), kp:app-entry(.)))"/>
      <xsl:text>&#xA;</xsl:text>
    </xsl:for-each>
  </xsl:template>
  <xsl:template match="tei:listApp" mode="kp:inline"/>
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
  <!-- the author's notes are marked a, b, c … in each text (the apparatus has the numbers), computed once for
       the document (an xsl:number per note counted the notes before it: quadratic in a long text) -->
  <xsl:variable name="kp:note-letters" as="map(xs:string, xs:string)" select="map:merge(
      for $t in //tei:text return
        let $notes := $t//tei:note[not(@type = ('editorial', 'commentary'))][not(ancestor::tei:note)]
                          [not(@place = ('inline', 'interlinear', 'above', 'below'))][ancestor::tei:text[1] is $t]
        return for $i in 1 to count($notes) return map{generate-id($notes[$i]): format-integer($i, 'a')})"/>
  <xsl:function name="kp:note-number" as="xs:string">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="string($kp:note-letters(generate-id($note)))"/>
  </xsl:function>
  <xsl:template name="kp:endnotes">
    <xsl:variable name="notes" select=".//tei:note[@place = 'end'][not(@type = 'editorial')][not(ancestor::tei:note)]
                                       [$show-residue = 'yes' or empty(ancestor::tei:div[@type = 'residue'])]"/>
    <xsl:if test="$notes">
      <xsl:text>#k.endnotes(</xsl:text><xsl:value-of select="kp:str(kp:l('notes'))"/><xsl:text>, </xsl:text>
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
  <!-- The entries are those of the common model (kse:app-entry, common_apparatus.xsl): the same lemma,
       readings, sigla, numbers and notes as in the HTML edition; this module only sets them. The first entry
       of a block (paragraph, line) opens with the block number ("¶ 6"). Two marks with nothing printed
       between them would read as one number ("АССР⁵⁹⁶⁰"): a raised comma parts them (sep). The entries of
       apps nested in a reading (which is not in the text, so has no mark) run on after the entry of the app
       around them. -->
  <xsl:variable name="kp:by-number" as="element()*" select="kse:interventions(/)"/>
  <xsl:template name="kp:app">
    <xsl:variable name="n" select="kse:app-number(.)"/>
    <xsl:if test="exists($n)">
      <xsl:variable name="block" select="kse:block-of(kse:app-location(.))"/>
      <xsl:variable name="previous" select="$kp:by-number[$n - 1]"/>
      <xsl:variable name="opens-block" as="xs:boolean"
                    select="exists($block) and not(exists($previous) and kse:block-of(kse:app-location($previous)) is $block)"/>
      <xsl:variable name="entry" as="xs:string*">
        <xsl:if test="$opens-block and $apparatus-key != 'line'">
          <!-- a verse line is keyed by its number alone, as editions of poetry do -->
          <xsl:sequence select="'#k.app-key(' || kp:str(kse:block-number($block)) || (', sign: none'[$block/self::tei:l]) || ')'"/>
        </xsl:if>
        <xsl:sequence select="kp:app-entry(.)"/>
        <xsl:for-each select="(.//tei:rdg//tei:app | .//tei:rdgGrp//tei:app)[exists(kse:app-number(.))]">
          <xsl:sequence select="'#h(0.9em)' || kp:app-entry(.)"/>
        </xsl:for-each>
      </xsl:variable>
      <xsl:sequence select="'#k.mark(' || $n || ', ' || kp:block($entry) || (', sep: true'[kp:mark-before(current())]) || $kp:scope-arg || ')'"/>
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

  <!-- One entry of the common model, as HTML's h:entry sets it (html_textcrit.xsl):
       "12 lemma A] reading B; om. C (cause) (B: detail) certainty notes" -->
  <xsl:function name="kp:app-entry" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="entry" select="kse:app-entry($e)"/>
    <xsl:variable name="items" as="xs:string*">
      <xsl:sequence select="'#k.app-n(' || $entry?n || ')' || kp:t('&#xA0;')"/>
      <xsl:if test="$entry?kind != 'note'">
        <xsl:if test="exists($entry?lemma)">
          <xsl:sequence select="kp:reading($entry?lemma)"/>
          <xsl:sequence select="(kp:t(' ') || '#k.app-kind(' || kp:str(kp:l('kind-supplied')) || ')')[$entry?kind = 'supplied']"/>
          <xsl:sequence select="kp:t(']')"/>
        </xsl:if>
        <xsl:for-each select="$entry?readings">
          <xsl:if test="position() gt 1"><xsl:sequence select="kp:t(';')"/></xsl:if>
          <xsl:sequence select="kp:t(' '), kp:reading(.)"/>
        </xsl:for-each>
        <xsl:for-each select="kse:loose-details($entry)">
          <xsl:sequence select="kp:t(' (') || string-join(kse:sigla(.) ! ('#k.siglum(' || kp:str(.) || ')' || kp:t(' ')))
                                || kp:items(node(), 'kp:note') || kp:t(')')"/>
        </xsl:for-each>
        <xsl:sequence select="(kp:t(' ') || '#k.app-kind(' || kp:str(kp:l('kind-sic')) || ')')[$entry?kind = 'sic']"/>
        <xsl:sequence select="(kp:t(' ') || '#k.cert(' || kp:str(kp:l('cert-' || $entry?cert)) || ')')[$entry?cert != '']"/>
      </xsl:if>
      <xsl:for-each select="$entry?notes">
        <xsl:variable name="code" select="kp:lang-code((ancestor-or-self::*/@xml:lang)[last()])"/>
        <xsl:if test="$entry?kind != 'note' or position() gt 1"><xsl:sequence select="kp:t(' ')"/></xsl:if>
        <xsl:sequence select="'#text(' || kp:lang-args(($code[. != ''], $kp:doc-lang)[1]) || ')' || kp:block(kp:items(node(), 'kp:note'))"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:sequence select="string-join($items)"/>
  </xsl:function>

  <!-- a reading of the model: its text (or om./lac.), its sigla, its cause and type, what it says of its
       witnesses (begins, ends, lacuna), the editor's details on it -->
  <xsl:function name="kp:reading" as="xs:string">
    <xsl:param name="r" as="map(*)"/>
    <xsl:sequence select="string-join((
        if ($r?lacuna) then '#emph(' || kp:str(kp:l('app-lacuna')) || ')'
        else if ($r?omission) then '#emph(' || kp:str(kp:l('app-omission')) || ')'
        else if (exists($r?node)) then kp:items($r?nodes, 'kp:note')
        else string-join(kp:keep-ordinals($r?text)),
        $r?sigla ! (kp:t(' ') || '#k.siglum(' || kp:str(.) || ')'),
        ($r?cause[. != ''], $r?type[. != ''][$r?role = 'rdg']) ! kp:t(' (' || . || ')'),
        kse:reading-markers($r) ! kp:t(' (' || kp:l(.) || ')'),
        $r?details ! (kp:t(' (') || kp:items(node(), 'kp:note') || kp:t(')'))))"/>
  </xsl:function>

  <xsl:mode name="kp:note" on-no-match="shallow-skip"/>
  <xsl:template match="text()" mode="kp:note"><xsl:sequence select="kp:keep-ordinals(kp:tie-initials(.))"/></xsl:template>
  <xsl:template match="tei:q" mode="kp:note"><xsl:sequence select="kp:t('“') || kp:items(node(), 'kp:note') || kp:t('”')"/></xsl:template>
  <xsl:template match="tei:title | tei:foreign | tei:mentioned | tei:hi | tei:emph | tei:term" mode="kp:note">
    <xsl:sequence select="'#emph' || kp:block(kp:items(node(), 'kp:note'))"/>
  </xsl:template>
  <xsl:template match="tei:note" mode="kp:note"/>
  <xsl:template match="tei:choice" mode="kp:note"><xsl:apply-templates select="kse:correction(.)" mode="kp:note"/></xsl:template>
  <xsl:template match="tei:app" mode="kp:note"><xsl:apply-templates select="kse:app-entry(.)?lemma?nodes" mode="kp:note"/></xsl:template>
  <xsl:template match="tei:choice/tei:sic | tei:choice/tei:orig | tei:choice/tei:abbr | tei:rdg | tei:witDetail | tei:wit
                       | tei:lacunaStart | tei:lacunaEnd | tei:witStart | tei:witEnd" mode="kp:note"/>
  <xsl:template match="tei:gap" mode="kp:note"><xsl:sequence select="kp:t('[…]')"/></xsl:template>
  <xsl:template match="tei:pb | tei:cb" mode="kp:note"><xsl:sequence select="kp:t(' ')"/></xsl:template>
  <xsl:template match="tei:gi" mode="kp:note"><xsl:sequence select="kp:t('&lt;' || . || '&gt;')"/></xsl:template>
  <xsl:template match="tei:lb" mode="kp:note"><xsl:sequence select="kp:t(' ')[not(current()/@break = 'no')]"/></xsl:template>
</xsl:stylesheet>
