<?xml version="1.0" encoding="UTF-8"?>
<!--
  print_text.xsl — the text of the print edition and its critical apparatus.

  The body shows the reading view (corrections, not the errors of the witness). Every intervention that
  kse:is-intervention() counts gets one apparatus entry, a <span class="app"> placed right after it, which
  print.css floats to the foot of the page (float: footnote) and numbers with its kse:app-number(), so the
  numbers are those of the HTML edition. An entry reads
      lemma] witness reading W, certainty (when not high). Editorial notes attached to it.
  A <sic> alone prints its text and "W" with the label of a doubtful passage; <supplied> prints in ⟨ ⟩; an
  editorial note not attached to an intervention is an entry of its own. The names the printed indexes list
  carry anchors (kse:occurrence-id) so that the indexes can find their pages.
  A paragraph broken by the witness (p[@part='I'] + p[@part='F']) is printed as one paragraph; the number
  of the second part stands in the margin beside the line where it begins.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:kse="urn:kse:xslt"
  xmlns:kp="urn:kse:print"
  exclude-result-prefixes="#all">

  <xsl:mode name="kp:text" on-no-match="shallow-skip"/>

  <xsl:template match="tei:text" mode="kp:text">
    <section class="text" id="text">
      <h1 class="article-title" data-running="{kp:l('text')}">
        <xsl:apply-templates select="tei:body/tei:div[1]/tei:head[1]" mode="kp:inline"/>
      </h1>
      <xsl:apply-templates select="tei:body" mode="kp:text"/>
      <xsl:for-each select="tei:back/tei:div[@type = 'source']/tei:bibl">
        <p class="source-line"><xsl:apply-templates mode="kp:inline"/></p>
      </xsl:for-each>
      <xsl:if test="$show-residue = 'yes'">
        <xsl:apply-templates select=".//tei:div[@type = 'residue']" mode="kp:text"/>
      </xsl:if>
    </section>
  </xsl:template>

  <xsl:template match="tei:div" mode="kp:text">
    <xsl:apply-templates select="* except tei:head[1][. is ancestor::tei:text/tei:body/tei:div[1]/tei:head[1]]" mode="kp:text"/>
  </xsl:template>
  <xsl:template match="tei:div[@type = 'residue']" mode="kp:text">
    <xsl:if test="$show-residue = 'yes'"><div class="residue"><xsl:apply-templates mode="kp:text"/></div></xsl:if>
  </xsl:template>
  <xsl:template match="tei:head" mode="kp:text"><h2><xsl:apply-templates mode="kp:inline"/></h2></xsl:template>
  <xsl:template match="tei:ab" mode="kp:text"><p class="ab"><xsl:apply-templates mode="kp:inline"/></p></xsl:template>

  <xsl:template match="tei:p" mode="kp:text">
    <xsl:variable name="first" select="empty(preceding-sibling::tei:p)"/>
    <xsl:variable name="content">
      <span class="pn"><xsl:value-of select="kse:block-number(.)"/></span>
      <xsl:apply-templates mode="kp:inline"/>
      <xsl:if test="@part = 'I'">
        <xsl:for-each select="following-sibling::tei:p[1][@part = ('M', 'F')]">
          <xsl:text> </xsl:text>
          <span class="pn inline" id="{kse:block-id(.)}"><xsl:value-of select="kse:block-number(.)"/></span>
          <xsl:apply-templates mode="kp:inline"/>
        </xsl:for-each>
      </xsl:if>
    </xsl:variable>
    <p id="{kse:block-id(.)}" class="para{' first'[$first]}" data-n="{kse:block-number(.)}">
      <xsl:apply-templates select="$content/node()" mode="kp:marks"/>
    </p>
  </xsl:template>

  <!-- Two marks with nothing printed between them would read as one number ("АССР⁵⁹⁶⁰"): a raised comma
       parts them ("АССР⁵⁹,⁶⁰"). Between them there may be only what prints nothing: the notes that go to the
       foot of the page, and the empty anchors of names and dates. -->
  <xsl:mode name="kp:marks" on-no-match="shallow-copy"/>
  <xsl:template mode="kp:marks" match="sup[@class = 'call'][preceding-sibling::node()
      [not(self::span[@class = 'app'] or self::a[empty(node())])][1][self::sup[@class = 'call']]]">
    <sup class="call-sep">,</sup>
    <xsl:next-match/>
  </xsl:template>
  <!-- the second part of a broken paragraph was printed with the first -->
  <xsl:template match="tei:p[@part = ('M', 'F')][preceding-sibling::tei:p[1][@part = ('I', 'M')]]" mode="kp:text"/>

  <!-- ============ inline content: the reading view ============ -->
  <xsl:mode name="kp:inline" on-no-match="shallow-skip"/>
  <xsl:template match="text()" mode="kp:inline"><xsl:call-template name="kp:keep-ordinals"/></xsl:template>
  <!-- a number and its suffix stay on one line ("1-Конституциясында", "600-ден"): a line may break after a
       hyphen, which here would leave "1-" at the end of a line -->
  <xsl:template name="kp:keep-ordinals">
    <xsl:param name="s" as="xs:string" select="string(.)"/>
    <xsl:analyze-string select="$s" regex="\d+-\p{{L}}+">
      <xsl:matching-substring><span class="nw"><xsl:value-of select="."/></span></xsl:matching-substring>
      <xsl:non-matching-substring><xsl:value-of select="."/></xsl:non-matching-substring>
    </xsl:analyze-string>
  </xsl:template>
  <!-- initials stay with the surname (no line or page break after "Қ. И."), as in good typesetting; so the
       index page of a name is the page that holds the whole name -->
  <xsl:template match="text()[ancestor::tei:persName]" mode="kp:inline" priority="2">
    <!-- also a space that opens a text node after an initial printed before it (a corrected initial and its
         mark: "Н.¹⁶⁶ Г. Хлудовтың") -->
    <xsl:variable name="before" select="(preceding::text()[ancestor::tei:persName[1] is current()/ancestor::tei:persName[1]])[last()]"/>
    <xsl:value-of select="replace(if (matches($before, '\p{Lu}\.$')) then replace(., '^ ', '&#xA0;') else .,
                                  '(\p{Lu}\.) ', '$1&#xA0;')"/>
  </xsl:template>
  <!-- text quoted outside its paragraph (the chronology): initials tied, numbers kept with their suffix -->
  <xsl:template name="kp:phrase">
    <xsl:param name="s" as="xs:string"/>
    <xsl:call-template name="kp:keep-ordinals"><xsl:with-param name="s" select="kp:tie-initials($s)"/></xsl:call-template>
  </xsl:template>
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
  <xsl:template match="tei:choice/tei:corr | tei:choice/tei:reg | tei:choice/tei:expan" mode="kp:inline">
    <xsl:apply-templates mode="kp:inline"/>
  </xsl:template>

  <xsl:template match="tei:sic" mode="kp:inline">
    <xsl:apply-templates mode="kp:inline"/>
    <xsl:call-template name="kp:app"/>
  </xsl:template>
  <xsl:template match="tei:corr" mode="kp:inline">
    <xsl:apply-templates mode="kp:inline"/>
    <xsl:call-template name="kp:app"/>
  </xsl:template>
  <xsl:template match="tei:supplied" mode="kp:inline">
    <xsl:text>⟨</xsl:text><xsl:apply-templates mode="kp:inline"/><xsl:text>⟩</xsl:text>
    <xsl:call-template name="kp:app"/>
  </xsl:template>
  <xsl:template match="tei:app" mode="kp:inline">
    <xsl:apply-templates select="tei:lem" mode="kp:inline"/>
    <xsl:call-template name="kp:app"/>
  </xsl:template>
  <xsl:template match="tei:lem" mode="kp:inline"><xsl:apply-templates mode="kp:inline"/></xsl:template>

  <!-- a note is printed in the entry of the intervention it belongs to, or as an entry of its own -->
  <xsl:template match="tei:note" mode="kp:inline">
    <xsl:if test="kse:is-intervention(.)"><xsl:call-template name="kp:app"/></xsl:if>
  </xsl:template>

  <!-- names and dates stay plain text. A name that one of the printed indexes lists is followed by an empty
       anchor (no break opportunity between it and the last letter, so it stands on the page where the name
       ends; before the first letter it could stay behind at the end of the previous line), which gives the
       index its page. A name the page break splits is cited on the page where it ends. No anchor where no
       index needs one (dates: the chronology cites paragraphs; organisations unless their index is asked
       for): each costs WeasyPrint an inline box and a text split, as a wrapping element would. -->
  <xsl:template match="tei:persName | tei:placeName | tei:orgName | tei:name" mode="kp:inline">
    <xsl:apply-templates mode="kp:inline"/>
    <xsl:if test="kse:entry(.) ! kse:register-kind(.) = tokenize($indexes)"><a id="{kse:occurrence-id(.)}"/></xsl:if>
  </xsl:template>
  <xsl:template match="tei:title | tei:q | tei:foreign | tei:hi | tei:bibl | tei:pubPlace | tei:biblScope"
                mode="kp:inline">
    <xsl:apply-templates mode="kp:inline"/>
  </xsl:template>

  <!-- ============ the apparatus: a mark per intervention, one page-foot note per intervention ============ -->
  <!-- The text carries the entry numbers as superscripts; each entry is a footnote of its own (no call of
       its own: the superscript is the call), so it lands on the page of its mark. The first entry of a block
       (paragraph) opens with the block number ("¶ 6"). Notes are run on at the foot of the page; the space
       closing each one is where a line may break between two entries, so that an entry's number is not
       glued to the last word of the one before. (One footnote per group of entries was tried for speed and
       given up: an entry whose mark fell on the next page was printed at the foot of the previous one.) -->
  <xsl:template name="kp:app">
    <xsl:variable name="n" select="kse:app-number(.)"/>
    <xsl:if test="exists($n)">
      <sup class="call" id="call-{$n}"><xsl:value-of select="$n"/></sup>
      <xsl:variable name="block" select="kse:block-of(.)"/>
      <xsl:variable name="opens-block" as="xs:boolean"
                    select="exists($block) and generate-id(.) = generate-id(kse:block-interventions($block)[exists(kse:app-number(.))][1])"/>
      <span class="app" id="entry-{$n}">
        <xsl:if test="$opens-block">
          <!-- a figure space: a digit wide, and unlike an en space it lets no line end between the paragraph
               number and the entry -->
          <b class="key">¶&#xA0;<xsl:value-of select="kse:block-number($block)"/></b><xsl:text>&#x2007;</xsl:text>
        </xsl:if>
        <xsl:call-template name="kp:app-entry"/>
        <xsl:text> </xsl:text>
      </span>
    </xsl:if>
  </xsl:template>

  <!-- one entry: "12 lemma] witness reading W, certainty. Notes." — few elements: WeasyPrint lays each entry
       out again while the footnote area of its page grows (tools/footnote_area.py), and each element costs -->
  <xsl:template name="kp:app-entry">
    <xsl:variable name="kind" select="kse:intervention-kind(.)"/>
    <xsl:variable name="cert" select="kse:cert(.)"/>
    <b class="n"><xsl:value-of select="kse:app-number(.)"/></b>
    <xsl:text>&#xA0;</xsl:text>
    <xsl:choose>
      <xsl:when test="$kind = ('correction', 'regularization', 'expansion', 'variant')">
        <xsl:call-template name="kp:keep-ordinals">
          <xsl:with-param name="s" select="kse:text(kse:correction(.), 'reading')"/>
        </xsl:call-template>
        <xsl:text>] </xsl:text>
        <xsl:value-of select="kse:text(kse:witness(.), 'diplomatic')"/>
        <xsl:text>&#xA0;</xsl:text><i><xsl:value-of select="$witness-siglum"/></i>
      </xsl:when>
      <xsl:when test="$kind = 'sic'">
        <xsl:value-of select="kse:text(., 'diplomatic')"/>
        <xsl:text>&#xA0;</xsl:text><i><xsl:value-of select="$witness-siglum || ', ' || kp:l('kind-sic')"/></i>
      </xsl:when>
      <xsl:when test="$kind = 'supplied'">
        <xsl:value-of select="'⟨' || kse:text(., 'reading') || '⟩] '"/>
        <i><xsl:value-of select="kp:l('supplied-by')"/></i>
      </xsl:when>
    </xsl:choose>
    <xsl:if test="$cert = ('medium', 'low')">
      <xsl:text>, </xsl:text>
      <i class="cert"><xsl:value-of select="lower-case(kp:l('certainty')) || ': ' || kp:l('cert-' || $cert)"/></i>
    </xsl:if>
    <xsl:for-each select="kse:notes-of(.)">
      <xsl:if test="$kind != 'note' or position() > 1"><xsl:text>. </xsl:text></xsl:if>
      <span lang="{(ancestor-or-self::*/@xml:lang)[last()]}"><xsl:apply-templates mode="kp:note"/></span>
    </xsl:for-each>
  </xsl:template>

  <xsl:mode name="kp:note" on-no-match="text-only-copy"/>
  <xsl:template match="text()" mode="kp:note"><xsl:value-of select="kp:tie-initials(.)"/></xsl:template>
  <xsl:template match="tei:q" mode="kp:note">“<xsl:apply-templates mode="#current"/>”</xsl:template>
  <xsl:template match="tei:title | tei:foreign | tei:mentioned | tei:hi" mode="kp:note"><i><xsl:apply-templates mode="#current"/></i></xsl:template>
</xsl:stylesheet>
