<?xml version="1.0" encoding="UTF-8"?>
<!--
  html_core.xsl — TEI P5 elements to HTML, as a table: one template per element (or group), one comment each.

  Works on any reasonable TEI P5 text, not only our edition: prose (div/head/p, notes, lists, tables,
  figures), verse (lg/l), letters (opener/closer/salute/signed/dateline), drama (sp/speaker/stage,
  castList). Unknown elements degrade to <span class="tei-NAME"> (or <div> when they hold blocks), so
  their text is always shown. Remote images are never loaded (no request may leave the page): they become
  links. Editorial elements (choice, sic, corr …) are in html_textcrit.xsl, names and dates in
  html_names.xsl; both override nothing here, they add templates for other elements.
  Helpers: h:t($key) gives the label of a key with data-l10n for the language switch (see edition.js).
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:kse="urn:kse:xslt"
  xmlns:h="urn:kse:html"
  exclude-result-prefixes="#all">

  <!-- ============ i18n helpers ============ -->
  <!-- The page is written in the default interface language ($lang); edition.js switches to any other of
       $kse:languages from the same data (assets/labels.js, generated from xslt/common/labels/*.json):
         data-l10n="key"            the element's text is the label `key`
         data-l10n-ATTR="key"       attribute ATTR (title, aria-label, placeholder) is the label `key`
         data-l10n-n="5"            the number that fills {n} in those labels
         data-l10n-values='{…}'     the element's text in each language (JSON), for text computed per language
         data-l10n-ATTR-values='{…}' the same for an attribute -->
  <xsl:function name="h:t" as="node()*">
    <xsl:param name="key" as="xs:string"/>
    <xsl:attribute name="data-l10n" select="$key"/>
    <xsl:value-of select="kse:label($key, $lang)"/>
  </xsl:function>
  <xsl:function name="h:label-attr" as="attribute()*">
    <xsl:param name="name" as="xs:string"/>
    <xsl:param name="key" as="xs:string"/>
    <xsl:attribute name="{$name}" select="kse:label($key, $lang)"/>
    <xsl:attribute name="data-l10n-{$name}" select="$key"/>
  </xsl:function>
  <!-- an attribute whose label has a number in it ({n}): data-l10n-ATTR names the label, data-l10n-n the number -->
  <xsl:function name="h:label-attr-n" as="attribute()*">
    <xsl:param name="name" as="xs:string"/>
    <xsl:param name="key" as="xs:string"/>
    <xsl:param name="n" as="xs:string"/>
    <xsl:attribute name="{$name}" select="kse:label-format($key, $lang, map{'n': $n})"/>
    <xsl:attribute name="data-l10n-{$name}" select="$key"/>
    <xsl:attribute name="data-l10n-n" select="$n"/>
  </xsl:function>
  <!-- text computed in each interface language by $f -->
  <xsl:function name="h:by-lang" as="node()*">
    <xsl:param name="f" as="function(xs:string) as xs:string"/>
    <xsl:if test="count($kse:languages) gt 1">
      <xsl:attribute name="data-l10n-values" select="h:json-by-lang($f)"/>
    </xsl:if>
    <xsl:value-of select="$f($lang)"/>
  </xsl:function>
  <xsl:function name="h:attr-by-lang" as="attribute()*">
    <xsl:param name="name" as="xs:string"/>
    <xsl:param name="f" as="function(xs:string) as xs:string"/>
    <xsl:attribute name="{$name}" select="$f($lang)"/>
    <xsl:if test="count($kse:languages) gt 1">
      <xsl:attribute name="data-l10n-{$name}-values" select="h:json-by-lang($f)"/>
    </xsl:if>
  </xsl:function>
  <xsl:function name="h:json-by-lang" as="xs:string">
    <xsl:param name="f" as="function(xs:string) as xs:string"/>
    <xsl:sequence select="serialize(map:merge($kse:languages ! map{.: $f(.)}), map{'method': 'json'})"/>
  </xsl:function>

  <!-- the language of the text, and of the context of a node (for lang and dir) -->
  <xsl:variable name="h:text-lang" as="xs:string"
    select="string((/tei:TEI/tei:text/@xml:lang, /tei:TEI/tei:text/tei:body/@xml:lang, /*/@xml:lang,
                    (//tei:profileDesc/tei:langUsage/tei:language/@ident)[1], 'und')[normalize-space()][1])"/>
  <xsl:variable name="h:text-dir" as="xs:string" select="kse:dir($h:text-lang)"/>

  <!-- A URL of the TEI document, as seen from the site: relative ones are relative to the TEI file, whose copy
       (with the local files it points to) sits beside $source-href. Only http(s) and mailto schemes pass:
       a TEI file is untrusted input, and a "javascript:" target must not become a live link ('#' instead). -->
  <xsl:function name="h:url" as="xs:string">
    <xsl:param name="url" as="xs:string"/>
    <xsl:variable name="u" select="normalize-space($url)"/>
    <xsl:sequence select="if (matches($u, '^[a-z][a-z0-9+.-]*:', 'i')) then
                            (if (matches($u, '^(https?|mailto):', 'i')) then $u else '#')
                          else if (matches($u, '^(#|/)') or $source-href = '') then $u
                          else string-join(tokenize($source-href, '/')[position() lt last()] ! (. || '/')) || $u"/>
  </xsl:function>

  <!-- Attributes every rendered TEI element carries: its language and its id. -->
  <xsl:template name="h:common-attrs">
    <xsl:if test="@xml:lang"><xsl:attribute name="lang" select="@xml:lang"/></xsl:if>
    <xsl:if test="@xml:id"><xsl:attribute name="id" select="@xml:id"/></xsl:if>
  </xsl:template>

  <!-- lang and dir on what every element with an xml:lang gives, whatever template renders it: its first
       element gets lang (and dir when the direction differs from its context's), bare text a span -->
  <!-- The same for @rend, @rendition and @style: rend tokens become classes rend-TOKEN (edition.css styles the
       common ones: italic, bold, sup, sub, smallcaps, underline, strikethrough, center, right, indent …), and
       CSS from @style and from the tagsDecl/rendition elements @rendition points to becomes a style
       attribute, filtered (h:safe-css: known properties, plain values, no url(), no escapes) -->
  <xsl:template match="tei:text//*[@xml:lang or @rend or @rendition or @style] | tei:teiHeader//*[@xml:lang]" priority="100">
    <xsl:param name="h:script" tunnel="yes" as="xs:string" select="''"/>
    <xsl:variable name="out" as="node()*"><xsl:next-match/></xsl:variable>
    <xsl:variable name="lang" select="if (@xml:lang) then h:lang-in-script(string(@xml:lang), $h:script) else ''"/>
    <xsl:variable name="dir" select="kse:dir($lang)"/>
    <xsl:variable name="context-dir" select="kse:dir(string((ancestor::*[@xml:lang][1]/@xml:lang, $h:text-lang)[1]))"/>
    <xsl:variable name="rend" select="string-join(tokenize(normalize-space(@rend)) ! replace(lower-case(.), '[^a-z0-9-]', '')[. != ''] ! ('rend-' || .), ' ')"/>
    <xsl:variable name="css" select="h:safe-css(string-join((@rendition ! tokenize(.)[starts-with(., '#')]
                                       ! key('kse:id', substring(., 2), root(current()))[self::tei:rendition][not(@scheme) or @scheme = 'css'] ! string(.),
                                       string(@style)), ';'))"/>
    <xsl:choose>
      <xsl:when test="empty($out)"/>
      <xsl:when test="$out[1] instance of element()">
        <xsl:for-each select="$out[1]">
          <xsl:copy>
            <xsl:copy-of select="@*"/>
            <xsl:if test="$lang != ''">
              <xsl:attribute name="lang" select="$lang"/>
              <xsl:if test="$dir != $context-dir"><xsl:attribute name="dir" select="$dir"/></xsl:if>
            </xsl:if>
            <xsl:if test="$rend != ''"><xsl:attribute name="class" select="normalize-space(@class || ' ' || $rend)"/></xsl:if>
            <xsl:if test="$css != ''"><xsl:attribute name="style" select="$css"/></xsl:if>
            <xsl:copy-of select="node()"/>
          </xsl:copy>
        </xsl:for-each>
        <xsl:sequence select="subsequence($out, 2)"/>
      </xsl:when>
      <xsl:otherwise>
        <span>
          <xsl:if test="$lang != ''">
            <xsl:attribute name="lang" select="$lang"/>
            <xsl:if test="$dir != $context-dir"><xsl:attribute name="dir" select="$dir"/></xsl:if>
          </xsl:if>
          <xsl:if test="$rend != ''"><xsl:attribute name="class" select="$rend"/></xsl:if>
          <xsl:if test="$css != ''"><xsl:attribute name="style" select="$css"/></xsl:if>
          <xsl:sequence select="$out"/>
        </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:function name="h:safe-css" as="xs:string">
    <xsl:param name="css" as="xs:string"/>
    <xsl:sequence select="string-join(tokenize($css, ';') ! normalize-space(.)[. != '']
      [matches(., '^(font-style|font-weight|font-variant|font-size|font-family|text-decoration|text-align|text-transform|text-indent|letter-spacing|vertical-align|margin-left|margin-right|padding-left|color|background-color|border|display|float|width)\s*:\s*[-#%.,()\w\s&quot;'']+$', 'i')]
      [not(matches(., 'url|expression|javascript|@|\\', 'i'))], '; ')"/>
  </xsl:function>

  <!-- Is this element (or what it holds) block-level in HTML? -->
  <xsl:function name="h:holds-blocks" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists($e/(tei:p | tei:div | tei:lg | tei:l | tei:list | tei:table | tei:sp | tei:ab
                          | tei:quote[tei:p or tei:lg] | tei:figure | tei:listBibl | tei:opener | tei:closer))"/>
  </xsl:function>

  <!-- ============ structure ============ -->
  <!-- text: front, body, back in order -->
  <xsl:template match="tei:text">
    <xsl:apply-templates select="tei:front | tei:body | tei:back | tei:group"/>
  </xsl:template>
  <xsl:template match="tei:front | tei:body | tei:back | tei:group">
    <div class="tei-{local-name()}"><xsl:call-template name="h:common-attrs"/><xsl:apply-templates/></div>
  </xsl:template>
  <!-- residue of the web page: kept in the TEI, left out of the reading edition unless asked -->
  <xsl:template match="tei:div[@type = 'residue']">
    <xsl:if test="$show-residue = 'yes'">
      <aside class="residue"><xsl:call-template name="h:common-attrs"/><xsl:apply-templates/></aside>
    </xsl:if>
  </xsl:template>
  <!-- div (and numbered divs): a section whose heading level follows its depth -->
  <xsl:template match="tei:div | tei:div1 | tei:div2 | tei:div3 | tei:div4 | tei:div5">
    <section class="div{@type ! (' div-' || .)}"><xsl:call-template name="h:common-attrs"/><xsl:apply-templates/></section>
  </xsl:template>
  <!-- head of a div/body/lg: a heading; in tables and figures: the caption (see table/figure) -->
  <xsl:template match="tei:head">
    <xsl:variable name="level" select="min((6, count(ancestor::*[self::tei:div or starts-with(local-name(), 'div') or self::tei:lg]) + 1))"/>
    <xsl:element name="h{$level}">
      <xsl:attribute name="class" select="'head'"/>
      <xsl:attribute name="id" select="kse:block-id(.)"/>
      <xsl:if test="@xml:lang"><xsl:attribute name="lang" select="@xml:lang"/></xsl:if>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>
  <!-- p: a numbered paragraph (number in the margin, a permalink) when it is part of the running text.
       A paragraph the source breaks in two (p part="I", then "M" … "F") is one paragraph here, as in print:
       the later parts follow in the same HTML p, each in a span with its own id and number (in the margin
       beside the line where it begins; the diplomatic view shows the break of the witness there). -->
  <xsl:template match="tei:p">
    <xsl:variable name="numbered" select="empty(ancestor::*[self::tei:note or self::tei:cell or self::tei:item
                                          or self::tei:sp or self::tei:quote or self::tei:figure or self::tei:teiHeader])"/>
    <xsl:variable name="continues" select="$numbered and @part = ('M', 'F') and exists(preceding-sibling::*[1][self::tei:p][@part = ('I', 'M')])"/>
    <xsl:if test="not($continues)">
      <xsl:variable name="parts" select="if ($numbered and @part = ('I', 'M')) then h:later-parts(.) else ()"/>
      <xsl:variable name="id" select="kse:block-id(.)"/>
      <p class="{string-join(('para'[$numbered], @part ! ('part-' || .), 'joined'[exists($parts)]), ' ')}" id="{$id}">
        <xsl:if test="@xml:lang"><xsl:attribute name="lang" select="@xml:lang"/></xsl:if>
        <xsl:if test="$numbered">
          <xsl:attribute name="data-n" select="kse:block-number(.)"/>
          <xsl:call-template name="h:pnum"/><xsl:call-template name="h:cite-link"/><xsl:text> </xsl:text>
        </xsl:if>
        <xsl:apply-templates/>
        <xsl:for-each select="$parts">
          <xsl:text> </xsl:text>
          <span class="part-join" id="{kse:block-id(.)}" data-n="{kse:block-number(.)}">
            <xsl:if test="@xml:lang"><xsl:attribute name="lang" select="@xml:lang"/></xsl:if>
            <xsl:call-template name="h:pnum"/><xsl:call-template name="h:cite-link"/><xsl:text> </xsl:text>
            <xsl:apply-templates/>
          </span>
        </xsl:for-each>
      </p>
      <xsl:if test="$numbered">
        <xsl:for-each select=". | $parts"><xsl:call-template name="h:block-apparatus"/></xsl:for-each>
      </xsl:if>
    </xsl:if>
  </xsl:template>
  <!-- the number of a paragraph: a permalink -->
  <xsl:template name="h:pnum">
    <a class="pnum" href="#{kse:block-id(.)}">
      <xsl:sequence select="h:label-attr-n('title', if (@part = ('F', 'M')) then 'permalink-paragraph-continued' else 'permalink-paragraph',
                                           kse:block-number(.))"/>
      <xsl:value-of select="kse:block-number(.)"/>
    </a>
  </xsl:template>
  <!-- the parts that continue a paragraph broken by the source: M … up to F -->
  <xsl:function name="h:later-parts" as="element()*">
    <xsl:param name="p" as="element()"/>
    <xsl:variable name="next" select="$p/following-sibling::*[1][self::tei:p][@part = ('M', 'F')]"/>
    <xsl:sequence select="$next, $next[@part = 'M'] ! h:later-parts(.)"/>
  </xsl:function>
  <!-- ab: an anonymous block -->
  <xsl:template match="tei:ab">
    <div class="ab" id="{kse:block-id(.)}"><xsl:if test="@xml:lang"><xsl:attribute name="lang" select="@xml:lang"/></xsl:if><xsl:apply-templates/></div>
  </xsl:template>
  <!-- hook: the citation link of a paragraph (html_cite.xsl fills it) -->
  <xsl:template name="h:cite-link"/>
  <!-- hook: the per-block apparatus (html_textcrit.xsl fills it) -->
  <xsl:template name="h:block-apparatus"/>

  <!-- ============ verse ============ -->
  <!-- lg: a stanza or poem -->
  <xsl:template match="tei:lg">
    <div class="lg{@type ! (' lg-' || .)}"><xsl:call-template name="h:common-attrs"/><xsl:apply-templates/></div>
  </xsl:template>
  <!-- l: a verse line; its number shows in the margin every $line-numbers-every lines -->
  <xsl:template match="tei:l">
    <xsl:variable name="n" select="kse:block-number(.)"/>
    <xsl:variable name="every" select="if ($line-numbers-every castable as xs:integer) then xs:integer($line-numbers-every) else 0"/>
    <div class="l{@rend ! (' rend-' || .)}" id="{kse:block-id(.)}" data-n="{$n}">
      <xsl:if test="@xml:lang"><xsl:attribute name="lang" select="@xml:lang"/></xsl:if>
      <xsl:if test="$every gt 0 and $n castable as xs:integer and xs:integer($n) mod $every = 0">
        <a class="lnum" href="#{kse:block-id(.)}"><xsl:value-of select="$n"/></a><xsl:text> </xsl:text>
      </xsl:if>
      <xsl:apply-templates/>
    </div>
    <xsl:call-template name="h:block-apparatus"/>
  </xsl:template>

  <!-- ============ drama ============ -->
  <!-- sp: a speech; speaker in small caps before it -->
  <xsl:template match="tei:sp">
    <div class="sp"><xsl:call-template name="h:common-attrs"/><xsl:apply-templates/></div>
  </xsl:template>
  <xsl:template match="tei:speaker">
    <div class="speaker" id="{kse:block-id(.)}"><xsl:apply-templates/></div>
  </xsl:template>
  <!-- stage: a block of its own between speeches, inline inside a line or paragraph -->
  <xsl:template match="tei:stage">
    <xsl:element name="{if (parent::tei:p or parent::tei:l or parent::tei:speaker or parent::tei:head) then 'span' else 'p'}">
      <xsl:attribute name="class" select="'stage'"/>
      <xsl:attribute name="id" select="kse:block-id(.)"/>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>
  <!-- castList: the dramatis personae -->
  <xsl:template match="tei:castList">
    <div class="castlist"><xsl:apply-templates select="tei:head"/><ul><xsl:apply-templates select="* except tei:head"/></ul></div>
  </xsl:template>
  <xsl:template match="tei:castItem | tei:castGroup">
    <li class="{local-name()}"><xsl:apply-templates/></li>
  </xsl:template>
  <xsl:template match="tei:castGroup/tei:castItem" priority="2"><li class="castItem"><xsl:apply-templates/></li></xsl:template>
  <xsl:template match="tei:castGroup/*[not(self::tei:castItem or self::tei:head)]" priority="2"><xsl:apply-templates/></xsl:template>
  <xsl:template match="tei:castGroup/tei:head" priority="3"><span class="castgroup-head"><xsl:apply-templates/></span></xsl:template>
  <xsl:template match="tei:castGroup" priority="2"><li class="castGroup"><xsl:apply-templates select="tei:head"/><ul><xsl:apply-templates select="* except tei:head"/></ul></li></xsl:template>
  <xsl:template match="tei:role | tei:roleDesc | tei:actor">
    <span class="{local-name()}"><xsl:apply-templates/></span>
  </xsl:template>

  <!-- ============ letters and front matter ============ -->
  <!-- opener/closer/postscript: blocks of a letter -->
  <xsl:template match="tei:opener | tei:closer | tei:postscript | tei:epigraph | tei:argument | tei:trailer | tei:titlePage | tei:docImprint">
    <div class="{local-name()}"><xsl:call-template name="h:common-attrs"/><xsl:apply-templates/></div>
  </xsl:template>
  <!-- salute, signed, dateline, byline …: one line each (inline when inside a paragraph) -->
  <xsl:template match="tei:salute | tei:signed | tei:dateline | tei:byline | tei:docTitle | tei:titlePart | tei:docAuthor | tei:docDate | tei:docEdition | tei:address">
    <xsl:element name="{if (parent::tei:p) then 'span' else 'p'}">
      <xsl:attribute name="class" select="local-name() || (@type ! (' ' || local-name(..) || '-' || .))"/>
      <xsl:if test="kse:is-block(.)"><xsl:attribute name="id" select="kse:block-id(.)"/></xsl:if>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>
  <xsl:template match="tei:addrLine"><span class="addrLine"><xsl:apply-templates/></span><br/></xsl:template>

  <!-- ============ lists, tables, figures ============ -->
  <!-- list: ordered when declared so, a definition list when items have labels -->
  <xsl:template match="tei:list">
    <xsl:apply-templates select="tei:head"/>
    <xsl:choose>
      <xsl:when test="tei:label">
        <dl class="list"><xsl:call-template name="h:common-attrs"/>
          <xsl:for-each select="tei:item"><dt><xsl:apply-templates select="preceding-sibling::*[1][self::tei:label]/node()"/></dt><dd id="{kse:block-id(.)}"><xsl:apply-templates/></dd></xsl:for-each>
        </dl>
      </xsl:when>
      <xsl:otherwise>
        <xsl:element name="{if (@type = ('ordered', 'numbered') or @rend = ('numbered', 'ordered')) then 'ol' else 'ul'}">
          <xsl:attribute name="class" select="'list' || (@type ! (' list-' || .))"/>
          <xsl:call-template name="h:common-attrs"/>
          <xsl:apply-templates select="tei:item"/>
        </xsl:element>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="tei:item"><li id="{kse:block-id(.)}"><xsl:apply-templates/></li></xsl:template>
  <xsl:template match="tei:list/tei:head"><p class="list-head"><xsl:apply-templates/></p></xsl:template>
  <!-- table/row/cell; role="label" rows and cells become header cells -->
  <xsl:template match="tei:table">
    <div class="table-wrap"><table><xsl:call-template name="h:common-attrs"/>
      <xsl:if test="tei:head"><caption><xsl:apply-templates select="tei:head/node()"/></caption></xsl:if>
      <tbody><xsl:apply-templates select="tei:row"/></tbody>
    </table></div>
  </xsl:template>
  <xsl:template match="tei:row"><tr><xsl:apply-templates select="tei:cell"/></tr></xsl:template>
  <xsl:template match="tei:cell">
    <xsl:element name="{if (@role = 'label' or ../@role = 'label') then 'th' else 'td'}">
      <xsl:if test="@cols"><xsl:attribute name="colspan" select="@cols"/></xsl:if>
      <xsl:if test="@rows"><xsl:attribute name="rowspan" select="@rows"/></xsl:if>
      <xsl:if test="../@role = 'label'"><xsl:attribute name="scope" select="'col'"/></xsl:if>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>
  <!-- figure: image (local files only; a remote URL becomes a link) with its caption and description -->
  <xsl:template match="tei:figure">
    <figure class="figure"><xsl:call-template name="h:common-attrs"/>
      <xsl:apply-templates select="* except (tei:head | tei:figDesc)"/>
      <xsl:if test="tei:head or tei:figDesc">
        <figcaption><xsl:apply-templates select="tei:head/node()"/>
          <xsl:if test="tei:figDesc"><span class="figdesc"><xsl:apply-templates select="tei:figDesc/node()"/></span></xsl:if>
        </figcaption>
      </xsl:if>
    </figure>
  </xsl:template>
  <xsl:template match="tei:graphic | tei:media">
    <xsl:variable name="alt" select="normalize-space(../tei:figDesc)"/>
    <xsl:choose>
      <xsl:when test="matches(@url, '^[a-z][a-z0-9+.-]*:', 'i')">
        <a class="remote-graphic" href="{h:url(string(@url))}" rel="noopener"><xsl:value-of select="if ($alt) then $alt else @url"/></a>
      </xsl:when>
      <xsl:otherwise><img src="{h:url(string(@url))}" alt="{$alt}" loading="lazy"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="tei:figDesc"/>

  <!-- ============ notes (not editorial ones: those are apparatus, see html_textcrit.xsl) ============ -->
  <!-- note: a numbered call in the text; the note itself at the foot of the text (mode h:footnote) -->
  <xsl:template match="tei:note">
    <xsl:variable name="n" select="h:footnote-number(.)"/>
    <xsl:choose>
      <xsl:when test="$n gt 0"><a class="fn-call" href="#fn-{$n}" id="fnref-{$n}" role="doc-noteref"><xsl:value-of select="$n"/></a></xsl:when>
      <!-- a note outside the text (header, standOff) or of the residue: in place, as a small aside -->
      <xsl:otherwise><span class="note-inline"><xsl:apply-templates/></span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <!-- The notes at the foot of the text: every note of the text but the editorial ones (apparatus), the
       commentary (a layer of its own: html_commentary.xsl), those of a work of the bibliography (its entry on
       bibliography.html) and those of an app (its entry), numbered once for the document (a map, not an
       xsl:number per note, which would make the build quadratic); nested notes are numbered and listed too. -->
  <xsl:variable name="h:footnotes" as="element()*"
    select="//tei:text//tei:note[not(@type = 'editorial' or kse:is-commentary(.) or ancestor::*[kse:is-work(.)])][not(parent::tei:app or parent::tei:rdgGrp)]
            [$show-residue = 'yes' or empty(ancestor::tei:div[@type = 'residue'])]"/>
  <xsl:variable name="h:footnote-numbers" as="map(xs:string, xs:integer)"
    select="map:merge(for $i in 1 to count($h:footnotes) return map{generate-id($h:footnotes[$i]): $i})"/>
  <xsl:function name="h:footnote-number" as="xs:integer">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="($h:footnote-numbers(generate-id($note)), 0)[1]"/>
  </xsl:function>
  <xsl:template name="h:footnotes">
    <xsl:param name="root" as="node()"/>
    <xsl:if test="$h:footnotes">
      <section class="footnotes" role="doc-endnotes">
        <h2><xsl:sequence select="h:t('footnotes')"/></h2>
        <ol>
          <xsl:for-each select="$h:footnotes">
            <xsl:variable name="n" select="h:footnote-number(.)"/>
            <!-- the note's language: its own or inherited (a note of an English bibliography is English) -->
            <xsl:variable name="note-lang" select="string(ancestor-or-self::*[@xml:lang][1]/@xml:lang)"/>
            <li id="fn-{$n}" value="{$n}">
              <xsl:if test="$note-lang != '' and $note-lang != $h:text-lang">
                <xsl:attribute name="lang" select="$note-lang"/>
                <xsl:if test="kse:dir($note-lang) != $h:text-dir"><xsl:attribute name="dir" select="kse:dir($note-lang)"/></xsl:if>
              </xsl:if>
              <xsl:call-template name="h:note-place"/><xsl:apply-templates/> <a class="fn-back" href="#fnref-{$n}" aria-label="↩">↩</a></li>
          </xsl:for-each>
        </ol>
      </section>
    </xsl:if>
  </xsl:template>
  <!-- where the note stands in the source (margin, foot, end, interlinear …): a small label, nothing lost -->
  <xsl:template name="h:note-place">
    <xsl:if test="@place or @n">
      <span class="note-place">
        <xsl:value-of select="string-join((@n ! ('[' || . || ']'), @place[not(. = ('foot', 'bottom', 'end'))] ! string(.)), ' ')"/>
      </span><xsl:text> </xsl:text>
    </xsl:if>
  </xsl:template>

  <!-- ============ phrase level ============ -->
  <!-- hi: by @rend (italic, bold, sup, sub, smallcaps, underline …) -->
  <xsl:template match="tei:hi">
    <xsl:variable name="r" select="string(@rend) || ' ' || string(@rendition) || ' ' || string(@style)"/>
    <xsl:element name="{if (matches($r, 'ital')) then 'em' else if (matches($r, 'bold')) then 'strong'
                        else if (matches($r, 'sup')) then 'sup' else if (matches($r, 'sub')) then 'sub' else 'span'}">
      <xsl:attribute name="class" select="normalize-space('hi ' || replace(string(@rend), '[^\w\- ]', ''))"/>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>
  <xsl:template match="tei:emph"><em><xsl:apply-templates/></em></xsl:template>
  <xsl:template match="tei:foreign | tei:term | tei:mentioned | tei:soCalled">
    <i class="{local-name()}"><xsl:call-template name="h:common-attrs"/><xsl:apply-templates/></i>
  </xsl:template>
  <!-- title in running text: a <cite> (upright in our edition: the witness keeps its guillemets) -->
  <xsl:template match="tei:title"><cite class="title{@level ! (' title-' || .)}"><xsl:call-template name="h:common-attrs"/><xsl:apply-templates/></cite></xsl:template>
  <!-- q, quote, said: inline quotation, or a block quotation when it holds blocks or stands alone -->
  <xsl:template match="tei:q | tei:quote | tei:said">
    <xsl:choose>
      <xsl:when test="h:holds-blocks(.) or parent::tei:div or parent::tei:body or parent::tei:cit[parent::tei:div or parent::tei:body]">
        <blockquote class="{local-name()}"><xsl:call-template name="h:common-attrs"/><xsl:apply-templates/></blockquote>
      </xsl:when>
      <xsl:otherwise><q class="{local-name()}"><xsl:call-template name="h:common-attrs"/><xsl:apply-templates/></q></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="tei:cit">
    <xsl:element name="{if (parent::tei:div or parent::tei:body or parent::tei:epigraph) then 'div' else 'span'}">
      <xsl:attribute name="class" select="'cit'"/><xsl:apply-templates/>
    </xsl:element>
  </xsl:template>
  <!-- ref/ptr: links; a local pointer (#id) stays in the page -->
  <xsl:template match="tei:ref | tei:ptr">
    <a class="{local-name()}" href="{h:url(string(@target))}"><xsl:apply-templates/><xsl:if test="self::tei:ptr"><xsl:value-of select="@target"/></xsl:if></a>
  </xsl:template>
  <!-- lb: a line break (none when break="no"); pb: a page marker -->
  <!-- lb: a line break (none when break="no"); in an EpiDoc edition division, every fifth line numbered in the
       margin, as printed editions of inscriptions and papyri do -->
  <xsl:template match="tei:lb">
    <xsl:if test="not(@break = 'no') and exists(preceding-sibling::node()[normalize-space() or self::*][1])"><br/></xsl:if>
    <xsl:if test="@n castable as xs:integer and xs:integer(@n) mod 5 = 0 and ancestor::tei:div[@type = 'edition']">
      <span class="lbnum" aria-hidden="true"><xsl:value-of select="@n"/></span><xsl:text> </xsl:text>
    </xsl:if>
  </xsl:template>
  <!-- pb: a page marker; with @facs, its facsimile beside the text. @facs is a URL, or "#id" of a surface (its
       graphic/@url) or graphic of the facsimile element; an IIIF image (…/info.json or an Image API base)
       gets a sized image URL. A local image is shown at once (float beside the text); a remote one only on
       request (a link; edition.js shows it in place on click), since no request may leave the page unasked. -->
  <xsl:template match="tei:pb">
    <xsl:variable name="url" select="h:facs-url(.)"/>
    <span class="pb">
      <xsl:if test="@xml:id"><xsl:attribute name="id" select="@xml:id"/></xsl:if>
      <span class="pb-n"><xsl:value-of select="if (@n) then '[' || @n || ']' else '|'"/></span>
      <xsl:if test="$url != ''">
        <xsl:variable name="img" select="h:iiif-image($url)"/>
        <xsl:choose>
          <xsl:when test="matches($img, '^[a-z][a-z0-9+.-]*:', 'i')">
            <xsl:text> </xsl:text>
            <a class="facs-link" href="{h:url($url)}" data-facs="{h:url($img)}" rel="noopener"><xsl:sequence select="h:t('facsimile')"/></a>
          </xsl:when>
          <xsl:otherwise>
            <a class="facs-link facs-local" href="{h:url($url)}"><img class="facs" src="{h:url($img)}" loading="lazy" alt="{kse:label('facsimile', $lang) || ' ' || @n}"/></a>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:if>
    </span>
  </xsl:template>
  <xsl:function name="h:facs-url" as="xs:string">
    <xsl:param name="pb" as="element()"/>
    <xsl:variable name="f" select="normalize-space(tokenize(string($pb/@facs))[1])"/>
    <xsl:variable name="target" select="if (starts-with($f, '#')) then key('kse:id', substring($f, 2), root($pb))[1] else ()"/>
    <xsl:sequence select="if (empty($target)) then (if (starts-with($f, '#')) then '' else $f)
                          else string(($target/self::tei:graphic/@url, $target/descendant-or-self::tei:graphic/@url, $target/@url)[1])"/>
  </xsl:function>
  <!-- IIIF: an info.json or a service base (no file extension after the last slash) -> an image of 800 px width -->
  <xsl:function name="h:iiif-image" as="xs:string">
    <xsl:param name="url" as="xs:string"/>
    <xsl:sequence select="if (ends-with($url, '/info.json')) then replace($url, '/info\.json$', '/full/800,/0/default.jpg')
                          else if (matches($url, '^https?://.*/iiif/', 'i') and not(matches($url, '\.(jpe?g|png|gif|tiff?|webp|jp2)$', 'i')))
                          then replace($url, '/$', '') || '/full/800,/0/default.jpg'
                          else $url"/>
  </xsl:function>
  <!-- the facsimile element itself is not text: its images are shown at the page breaks -->
  <xsl:template match="tei:facsimile"/>
  <xsl:template match="tei:cb | tei:milestone | tei:anchor | tei:link | tei:linkGrp | tei:alt | tei:altGrp | tei:join | tei:timeline"/>
  <!-- fw (running heads, catchwords, signatures): kept, small and apart from the text -->
  <xsl:template match="tei:fw"><span class="fw{@type ! (' fw-' || replace(., '[^\w-]', ''))}"><xsl:apply-templates/></span></xsl:template>
  <!-- annotations that are not the text (index terms, interpretations, spans): kept in the page, not shown -->
  <xsl:template match="tei:index | tei:interp | tei:interpGrp | tei:span | tei:spanGrp">
    <span class="tei-{local-name()}" hidden="hidden"><xsl:apply-templates/></span>
  </xsl:template>
  <!-- gap, unclear, add, del, damage, surplus: visible editorial signs -->
  <!-- gap: the Leiden sign, its description (desc) kept as text -->
  <xsl:template match="tei:gap"><span class="gap" title="{string-join((@reason, @extent, @quantity ! (. || ' ' || ../@unit)), ' ')}">[…]<xsl:if test="tei:desc"><xsl:text> </xsl:text><span class="gap-desc"><xsl:apply-templates select="tei:desc/node()"/></span></xsl:if></span></xsl:template>
  <xsl:template match="tei:unclear"><span class="unclear" title="unclear"><xsl:apply-templates/></span></xsl:template>
  <xsl:template match="tei:add"><ins class="add"><xsl:apply-templates/></ins></xsl:template>
  <xsl:template match="tei:del"><del class="del"><xsl:apply-templates/></del></xsl:template>
  <xsl:template match="tei:damage | tei:surplus | tei:restore | tei:handShift | tei:subst | tei:mod | tei:retrace">
    <span class="{local-name()}"><xsl:apply-templates/></span>
  </xsl:template>
  <!-- abbr/expan outside choice -->
  <xsl:template match="tei:abbr"><abbr><xsl:apply-templates/></abbr></xsl:template>
  <!-- bibliography: inline bibl, or a list of them -->
  <xsl:template match="tei:bibl | tei:biblStruct">
    <xsl:element name="{if (parent::tei:listBibl) then 'li' else if (parent::tei:div or parent::tei:body or parent::tei:back) then 'p' else 'span'}">
      <xsl:attribute name="class" select="'bibl'"/><xsl:call-template name="h:common-attrs"/><xsl:apply-templates/>
    </xsl:element>
  </xsl:template>
  <xsl:template match="tei:listBibl"><xsl:apply-templates select="tei:head"/><ul class="listBibl"><xsl:apply-templates select="* except tei:head"/></ul></xsl:template>
  <!-- code-like TEI documentation elements -->
  <xsl:template match="tei:gi"><code class="gi">&lt;<xsl:value-of select="."/>&gt;</code></xsl:template>
  <xsl:template match="tei:att"><code class="att">@<xsl:value-of select="."/></code></xsl:template>
  <xsl:template match="tei:val"><code class="val">"<xsl:value-of select="."/>"</code></xsl:template>
  <xsl:template match="tei:tag | tei:code | tei:ident | tei:eg"><code><xsl:apply-templates/></code></xsl:template>
  <!-- other phrase-level elements keep their text in a span named after them -->
  <xsl:template match="tei:seg | tei:s | tei:w | tei:c | tei:pc | tei:num | tei:measure | tei:time | tei:distinct | tei:gloss | tei:lang | tei:affiliation | tei:email | tei:roleName | tei:forename | tei:surname | tei:genName | tei:addName | tei:nameLink">
    <span class="{local-name()}"><xsl:call-template name="h:common-attrs"/><xsl:apply-templates/></span>
  </xsl:template>
  <xsl:template match="tei:space"><span class="space"><xsl:text> </xsl:text></span></xsl:template>

  <!-- anything else: keep the text, mark the element (a div when it holds blocks) -->
  <xsl:template match="tei:*">
    <xsl:element name="{if (h:holds-blocks(.)) then 'div' else 'span'}">
      <xsl:attribute name="class" select="'tei-' || local-name()"/>
      <xsl:call-template name="h:common-attrs"/>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>
  <!-- MathML (in formula or anywhere): kept as MathML, which browsers render; only presentation elements
       and attributes pass (no links, scripts, styles or embedded HTML: a TEI file is untrusted input; an element
       of another name, which an HTML parser could take out of the MathML, keeps only its text) -->
  <xsl:template match="*[namespace-uri() = 'http://www.w3.org/1998/Math/MathML'][local-name() = ('math', 'mi', 'mn', 'mo',
      'ms', 'mtext', 'mspace', 'mrow', 'mfrac', 'msqrt', 'mroot', 'mstyle', 'merror', 'mpadded', 'mphantom', 'mfenced',
      'menclose', 'msub', 'msup', 'msubsup', 'munder', 'mover', 'munderover', 'mmultiscripts', 'mprescripts', 'none',
      'mtable', 'mtr', 'mtd', 'mlabeledtr', 'semantics', 'maligngroup', 'malignmark', 'mstack', 'mlongdiv', 'msgroup',
      'msrow', 'mscarries', 'mscarry', 'msline', 'maction')]">
    <xsl:element name="{local-name()}" namespace="http://www.w3.org/1998/Math/MathML">
      <xsl:copy-of select="@*[local-name() = ('display', 'mathvariant', 'mathsize', 'stretchy', 'fence', 'separator',
        'accent', 'accentunder', 'form', 'largeop', 'movablelimits', 'lspace', 'rspace', 'linethickness', 'columnalign',
        'rowalign', 'columnspan', 'rowspan', 'scriptlevel', 'displaystyle', 'notation', 'open', 'close', 'separators',
        'width', 'height', 'depth', 'align', 'columnlines', 'rowlines', 'frame', 'dir', 'alttext', 'encoding')][namespace-uri() = '']"/>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>
  <xsl:template match="*[namespace-uri() = 'http://www.w3.org/1998/Math/MathML'][local-name() = ('annotation-xml', 'annotation')]"/>
  <xsl:template match="tei:formula">
    <span class="formula{@notation ! (' formula-' || replace(., '[^\w-]', ''))}"><xsl:call-template name="h:common-attrs"/><xsl:apply-templates/></span>
  </xsl:template>
  <!-- elements of other namespaces: their text only -->
  <xsl:template match="*"><xsl:apply-templates/></xsl:template>
  <xsl:template match="comment() | processing-instruction()"/>
</xsl:stylesheet>
