<?xml version="1.0" encoding="UTF-8"?>
<!--
  print_front.xsl — the front matter of the print edition, all of it from the teiHeader.

  Title page (main title, subtitles, responsibility, edition, imprint); colophon on its verso (licence,
  identifier, printed source, revisions, typeface); the editorial introduction (projectDesc, the source
  descriptions, the editorialDecl sections, the statistics of the markup from kse:stats()); sigla and the
  abbreviations (the org register's abbreviated names, the edition's list of other abbreviations);
  manuscript descriptions (msDesc in sourceDesc). Header prose (p, q, gi, att, val, ref, date, title) is
  rendered by the templates in mode kp:prose, as Typst content items.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:kse="urn:kse:xslt"
  xmlns:kp="urn:kse:print"
  exclude-result-prefixes="#all">

  <xsl:template name="kp:title-page">
    <xsl:variable name="h" select="/tei:TEI/tei:teiHeader/tei:fileDesc"/>
    <xsl:variable name="print" select="($h/tei:sourceDesc/tei:bibl[@type = 'print'], $h/tei:sourceDesc/tei:bibl)[1]"/>
    <xsl:variable name="resp" select="($h/tei:titleStmt/tei:respStmt[@xml:id = 'ed']/(tei:orgName | tei:name | tei:persName))[1]"/>
    <xsl:variable name="authors" select="$h/tei:titleStmt/tei:author ! normalize-space(.)[. != '']"/>
    <xsl:text>#k.title-page(series: </xsl:text>
    <xsl:value-of select="kp:str(string-join(($print/tei:title[@level = 'm'], $print/tei:date) ! normalize-space(.), ' · '))"/>
    <xsl:text>, title: </xsl:text><xsl:value-of select="kp:str(kp:main-title(/))"/>
    <xsl:text>, subtitles: </xsl:text>
    <xsl:value-of select="kp:array($h/tei:titleStmt/tei:title[@type = 'sub'] !
                          ('text(lang: ' || kp:str((kp:lang-code(@xml:lang)[. != ''], $kp:doc-lang)[1]) || ', ' || kp:str(.) || ')'))"/>
    <xsl:text>, resp: </xsl:text>
    <xsl:value-of select="kp:array((string-join($authors, ', ')[. != ''] ! kp:str(.),
                          $resp ! ('[' || kp:t(kp:l('edition')) || '#linebreak()' || kp:t(.) || ']')))"/>
    <xsl:text>, edition: </xsl:text>
    <xsl:value-of select="kp:array($h/tei:editionStmt/tei:edition ! kp:edition-line(.))"/>
    <xsl:text>, imprint: </xsl:text>
    <xsl:value-of select="kp:str(string-join(($h/tei:publicationStmt/(tei:publisher, tei:pubPlace, tei:date)) ! normalize-space(.), ' · '))"/>
    <xsl:text>)&#xA;</xsl:text>
  </xsl:template>

  <!-- "Critical edition · version 3 · draft", in the language of the edition statement, not of the labels -->
  <xsl:function name="kp:edition-line" as="xs:string">
    <xsl:param name="e" as="element(tei:edition)"/>
    <xsl:variable name="in" select="kp:lang-of($e)"/>
    <xsl:variable name="state" select="($e/@n ! (kse:label('version', $in) || '&#xA0;' || .),
                                         kse:label('status-draft', $in)[root($e)//tei:revisionDesc/@status = 'draft'])"/>
    <xsl:sequence select="kp:block((kp:prose($e), $state ! kp:t(' · ' || .)))"/>
  </xsl:function>

  <xsl:template name="kp:colophon">
    <xsl:variable name="h" select="/tei:TEI/tei:teiHeader"/>
    <xsl:variable name="items" as="xs:string*">
      <xsl:if test="$h/tei:fileDesc/tei:titleStmt/tei:respStmt">
        <xsl:sequence select="kp:colophon-item(kp:l('responsibility'),
            string-join($h/tei:fileDesc/tei:titleStmt/tei:respStmt !
              kp:t(normalize-space((tei:orgName | tei:name | tei:persName)[1]) || ': ' || normalize-space(kse:in-language(tei:resp, $lang)[1])), '#linebreak()'))"/>
      </xsl:if>
      <xsl:variable name="imprint" select="string-join($h/tei:fileDesc/tei:publicationStmt/(tei:publisher, tei:pubPlace, tei:date) ! normalize-space(.)[. != ''], ', ')"/>
      <xsl:if test="$h/tei:fileDesc/tei:editionStmt/tei:edition or $imprint != ''">
        <xsl:sequence select="kp:colophon-item(kp:l('edition-stmt'), string-join((
            $h/tei:fileDesc/tei:editionStmt/tei:edition ! (
              let $in := kp:lang-of(.),
                  $state := (@n ! (kse:label('version', $in) || '&#xA0;' || .),
                             kse:label('status-draft', $in)[$h/tei:revisionDesc/@status = 'draft'])
              return string-join((kp:prose(.), ($state => string-join('; ')) ! kp:t(' (' || . || ')')))) ! (. || kp:t('. ')),
            kp:t($imprint || '.')[$imprint != ''])))"/>
      </xsl:if>
      <xsl:for-each select="$h/tei:fileDesc/tei:publicationStmt/tei:availability/tei:licence">
        <xsl:sequence select="kp:colophon-item(kp:l('licence'), string-join((kp:prose(.), @target ! ('#linebreak()' || kp:t(.)))))"/>
      </xsl:for-each>
      <!-- the reading edition on the web, when its address is given (parameter edition-url) -->
      <xsl:if test="matches($edition-url, '^https?://[^\s]+$')">
        <xsl:sequence select="kp:colophon-item(kp:l('online-edition'), '#link(' || kp:str($edition-url) || ')[' || kp:t($edition-url) || ']')"/>
      </xsl:if>
      <xsl:for-each select="$h/tei:fileDesc/tei:publicationStmt/tei:idno">
        <xsl:sequence select="kp:colophon-item(kp:l('identifier'), kp:t(.))"/>
      </xsl:for-each>
      <xsl:for-each select="($h/tei:fileDesc/tei:sourceDesc/tei:bibl[@type = 'print'])[1]">
        <xsl:sequence select="kp:colophon-item(kp:l('source-print'), kp:t(kp:bibl-line(.)))"/>
      </xsl:for-each>
      <!-- the latest revisions only (the colophon stands at the foot of one page); the rest are counted -->
      <xsl:variable name="changes" select="$h/tei:revisionDesc/tei:change"/>
      <xsl:if test="$changes">
        <xsl:sequence select="kp:colophon-item(kp:l('revision'), string-join((
            for $c in subsequence($changes, 1, $kp:colophon-changes)
            return kp:t(string($c/@when) || ': ') || '#text(lang: ' || kp:str(kp:lang-of($c)) || ')' || kp:block(kp:prose($c)),
            kp:t(replace(kp:l('revision-more'), '\{n\}', string(count($changes) - $kp:colophon-changes)))[count($changes) gt $kp:colophon-changes]),
          '#linebreak()'))"/>
      </xsl:if>
      <xsl:sequence select="kp:colophon-item(kp:l('typeset'),
          kp:t($typeface || '. ' || kp:l('generated') || ' (kse-edition-tools, Typst).'))"/>
    </xsl:variable>
    <xsl:text>#k.colophon[</xsl:text><xsl:value-of select="$items" separator=""/><xsl:text>]&#xA;</xsl:text>
  </xsl:template>
  <xsl:function name="kp:colophon-item" as="xs:string">
    <xsl:param name="label" as="xs:string"/>
    <xsl:param name="body" as="xs:string"/>
    <xsl:sequence select="'#k.colophon-item(' || kp:str($label) || ', ' || kp:block($body) || ')'"/>
  </xsl:function>

  <xsl:variable name="kp:colophon-changes" as="xs:integer" select="1"/>

  <!-- the language a TEI element is written in (its own or its nearest ancestor's xml:lang), 'kk' or 'en' -->
  <xsl:function name="kp:lang-of" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="if (starts-with(($e/ancestor-or-self::*/@xml:lang)[last()], 'en')) then 'en' else 'kk'"/>
  </xsl:function>

  <xsl:function name="kp:bibl-line" as="xs:string">
    <xsl:param name="b" as="element()"/>
    <!-- a title without @level is the work itself (a web page, say): quoted like an article -->
    <xsl:sequence select="if (empty($b/tei:title)) then normalize-space($b) else string-join((
        $b/tei:title[@level = 'a' or not(@level)] ! ('«' || normalize-space(.) || '»'),
        $b/tei:title[@level = ('m', 'j', 's')] ! normalize-space(.),
        string-join(($b/tei:pubPlace, $b/tei:publisher, $b/tei:date) ! normalize-space(.), ', '),
        $b/tei:biblScope ! ((if (@unit = 'page') then kp:l('page-abbr') ! (upper-case(substring(., 1, 1)) || substring(., 2)) || '&#xA0;' else '') || normalize-space(.)))
        [. != ''], '. ')"/>
  </xsl:function>

  <xsl:template name="kp:introduction">
    <xsl:variable name="h" select="/tei:TEI/tei:teiHeader"/>
    <xsl:variable name="st" select="kse:stats(/)"/>
    <xsl:text>#k.part("introduction", </xsl:text><xsl:value-of select="kp:str(kp:l('introduction'))"/>
    <!-- the header gives the introduction in several languages (kse:in-language): the one of the edition's
         interface language is printed, in its own language -->
    <xsl:variable name="intro" select="kse:in-language($h/tei:encodingDesc/tei:projectDesc/tei:p, $lang)"/>
    <xsl:text>, lang: "</xsl:text><xsl:value-of select="(($intro[1] ! kp:lang-code(kse:lang-of(.)))[. != ''], 'en')[1]"/><xsl:text>")[</xsl:text>
    <xsl:value-of select="$intro ! kp:para(.)" separator=""/>
    <xsl:if test="$h/tei:fileDesc/tei:sourceDesc/tei:bibl">
      <xsl:value-of select="kp:subhead(kp:l('sources'))"/>
      <xsl:for-each select="$h/tei:fileDesc/tei:sourceDesc/tei:bibl">
        <xsl:text>#par[</xsl:text>
        <xsl:if test="@type = 'web'">#strong(<xsl:value-of select="kp:str($witness-siglum)"/>)<xsl:value-of select="kp:t(' — ')"/></xsl:if>
        <xsl:text>#text(lang: "kk", </xsl:text><xsl:value-of select="kp:str(kp:bibl-line(.))"/><xsl:text>)</xsl:text>
        <xsl:value-of select="kp:t('. ')"/>
        <xsl:value-of select="kse:in-language(tei:note, $lang) ! kp:prose(.)" separator=""/>
        <xsl:text>]&#xA;</xsl:text>
      </xsl:for-each>
    </xsl:if>
    <xsl:if test="$h/tei:encodingDesc/tei:editorialDecl">
      <xsl:value-of select="kp:subhead(kp:l('principles'))"/>
      <xsl:value-of select="$h/tei:encodingDesc/tei:editorialDecl/* ! kse:in-language(tei:p, $lang) ! kp:para(.)" separator=""/>
    </xsl:if>
    <xsl:value-of select="kp:subhead(kp:l('statistics'))"/>
    <xsl:text>#par(text(lang: </xsl:text><xsl:value-of select="kp:str($kp:ui-lang)"/><xsl:text>, </xsl:text>
    <xsl:value-of select="kp:str(string-join((
          $st('paragraphs') || ' ' || kp:l('st-paragraphs'),
          $st('words') || ' ' || kp:l('st-words'),
          $st('interventions') || ' ' || kp:l('st-entries') || ': ' ||
            $st('corrections') || ' ' || kp:l('st-corrections') || ' (' || kp:l('st-of-which') || ' ' ||
            string-join((kp:l('st-certain') || ' ' || $st('cert-high'), kp:l('st-cert-medium') || ' ' || $st('cert-medium'),
                         kp:l('st-cert-low') || ' ' || $st('cert-low')), ', ') || '), ' ||
            $st('entry-notes') || ' ' || kp:l('st-notes') || ', ' ||
            $st('unmended') || ' ' || kp:l('st-unmended'),
          $st('persons') || ' ' || kp:l('st-reg-persons') || ' (' || $st('persName') || ' ' || kp:l('st-mentions') || ')',
          $st('places') || ' ' || kp:l('st-reg-places') || ' (' || $st('placeName') || ' ' || kp:l('st-mentions') || ')',
          $st('orgs') || ' ' || kp:l('st-reg-orgs') || ' (' || $st('orgName') || ' ' || kp:l('st-mentions') || ')',
          $st('dates') || ' ' || kp:l('st-dates')), '; ') || '.')"/>
    <xsl:text>))&#xA;]&#xA;</xsl:text>
  </xsl:template>

  <xsl:function name="kp:subhead" as="xs:string">
    <xsl:param name="title" as="xs:string"/>
    <xsl:sequence select="'#k.subhead(text(lang: ' || kp:str($kp:ui-lang) || ', ' || kp:str($title) || '))&#xA;'"/>
  </xsl:function>
  <!-- a paragraph of header prose -->
  <xsl:function name="kp:para" as="xs:string">
    <xsl:param name="p" as="element()"/>
    <xsl:sequence select="'#par' || kp:block(kp:prose($p)) || '&#xA;'"/>
  </xsl:function>

  <xsl:template name="kp:abbreviations">
    <xsl:variable name="orgs" select="//tei:standOff//tei:org[tei:orgName[@type = 'abbr']]"/>
    <xsl:variable name="sigla" as="xs:string*">
      <!-- the witnesses: those of listWit with their sigla (the common model's), or the edition's one witness -->
      <xsl:variable name="witnesses" select="kse:witnesses(/)"/>
      <xsl:sequence select="if ($witnesses) then $witnesses ! kp:pair(kp:str(kse:witness-siglum(.)),
                              kp:str(normalize-space(string-join(node() except tei:abbr[@type = 'siglum']))))
                            else kp:pair(kp:str($witness-siglum), kp:str(kp:l('witness-desc')))"/>
      <xsl:sequence select="kp:pair('&quot;]&quot;', kp:str(kp:l('app-explain')))"/>
      <xsl:if test="exists(kse:commentary-notes(/))">
        <xsl:sequence select="kp:pair('&quot;*&quot;', kp:str(kp:l('commentary-mark')))"/>
      </xsl:if>
      <xsl:if test="//tei:text//tei:supplied">
        <xsl:sequence select="kp:pair('&quot;⟨ ⟩&quot;', kp:str(kp:l('supplied-by')))"/>
      </xsl:if>
      <!-- the edition's own abbreviations (apparatus keys, chronology, indexes) -->
      <xsl:sequence select="kp:pair('&quot;¶&quot;', kp:str(kp:l('sign-paragraph')))"/>
      <xsl:sequence select="kp:pair(kp:str(kp:l('page-abbr')), kp:str(kp:l('sign-page')))"/>
    </xsl:variable>
    <xsl:text>#k.part("abbreviations", </xsl:text><xsl:value-of select="kp:str(kp:l('abbreviations'))"/><xsl:text>)[&#xA;</xsl:text>
    <xsl:value-of select="kp:subhead(kp:l('sigla'))"/>
    <xsl:text>#k.abbr-list(</xsl:text><xsl:value-of select="kp:array($sigla)"/><xsl:text>)&#xA;</xsl:text>
    <xsl:if test="$orgs">
      <xsl:value-of select="kp:subhead(kp:l('org-abbr'))"/>
      <xsl:variable name="items" as="xs:string*">
        <xsl:for-each-group select="$orgs" group-by="normalize-space(tei:orgName[@type = 'abbr'][1])">
          <xsl:sort select="kse:sort-key(current-grouping-key())"/>
          <xsl:sequence select="kp:pair(kp:str(current-grouping-key()), kp:block(
              for $i in 1 to count(current-group()) return let $o := current-group()[$i] return (
                kp:t(normalize-space(($o/tei:orgName[@type = 'full'], $o/tei:orgName[not(@type)][not(@xml:lang = 'en')])[1])),
                $o/tei:orgName[@xml:lang = 'en'][1] ! ('#k.gloss(text(lang: &quot;en&quot;, ' || kp:str('(' || normalize-space(.) || ')') || '))'),
                kp:t('; ')[$i lt count(current-group())])))"/>
        </xsl:for-each-group>
      </xsl:variable>
      <xsl:text>#k.abbr-list(</xsl:text><xsl:value-of select="kp:array($items)"/><xsl:text>)&#xA;</xsl:text>
    </xsl:if>
    <!-- the other abbreviations of the text, from the edition's list (standOff/list[@type='abbreviations']) -->
    <xsl:variable name="general" select="//tei:standOff//tei:list[@type = 'abbreviations']/tei:item[tei:abbr]"/>
    <xsl:if test="$general">
      <xsl:value-of select="kp:subhead(kp:l('general-abbr'))"/>
      <xsl:variable name="items" as="xs:string*">
        <xsl:for-each select="$general">
          <xsl:sort select="kse:sort-key(normalize-space(tei:abbr))"/>
          <xsl:sequence select="kp:pair(kp:str(normalize-space(tei:abbr)), kp:block((
              kp:t(normalize-space((tei:expan[not(@xml:lang = 'en')], tei:expan)[1])),
              tei:expan[@xml:lang = 'en'][1] ! ('#k.gloss(text(lang: &quot;en&quot;, ' || kp:str('(' || normalize-space(.) || ')') || '))'))))"/>
        </xsl:for-each>
      </xsl:variable>
      <xsl:text>#k.abbr-list(</xsl:text><xsl:value-of select="kp:array($items)"/><xsl:text>)&#xA;</xsl:text>
    </xsl:if>
    <xsl:text>]&#xA;</xsl:text>
  </xsl:template>
  <xsl:function name="kp:pair" as="xs:string">
    <xsl:param name="a" as="xs:string"/>
    <xsl:param name="b" as="xs:string"/>
    <xsl:sequence select="'(' || $a || ', ' || $b || ')'"/>
  </xsl:function>

  <!-- ============ manuscript descriptions (sourceDesc/msDesc), a chapter of the front matter ============ -->
  <xsl:template name="kp:ms-descriptions">
    <xsl:variable name="ms" select="/tei:TEI/tei:teiHeader/tei:fileDesc/tei:sourceDesc//tei:msDesc"/>
    <xsl:if test="$ms">
      <xsl:text>#k.chapter("ms-desc", </xsl:text><xsl:value-of select="kp:str(kp:l('ms-desc'))"/><xsl:text>)[&#xA;</xsl:text>
      <xsl:for-each select="$ms">
        <xsl:variable name="id" select="tei:msIdentifier"/>
        <xsl:value-of select="kp:subhead((string-join(($id/(tei:settlement, tei:repository, tei:collection, tei:idno, tei:msName)) ! normalize-space(.)[. != ''], ', ')[. != ''], kp:l('ms-desc'))[1])"/>
        <xsl:apply-templates select="* except tei:msIdentifier" mode="kp:ms"/>
      </xsl:for-each>
      <xsl:text>]&#xA;</xsl:text>
    </xsl:if>
  </xsl:template>
  <!-- A section of msDesc: a field with its label from the label data ('ms-' + element name, as the HTML
       edition has them), its text as prose, the labelled sections inside it run on with their labels;
       sections that only hold sections (msContents, physDesc …) give a field to each; a section without a
       label of its own prints its text under the label of what holds it. -->
  <xsl:template match="*" mode="kp:ms">
    <xsl:choose>
      <xsl:when test="* and (every $c in * satisfies $c[* and not(self::tei:p)])">
        <xsl:apply-templates select="*" mode="kp:ms"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:text>#k.ms-field(</xsl:text><xsl:value-of select="kp:str(string-join((kp:ms-label(.), @n), ' '))"/>
        <xsl:text>, </xsl:text><xsl:value-of select="kp:block(kp:ms-items(node()))"/><xsl:text>)&#xA;</xsl:text>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:function name="kp:ms-label" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="($e/ancestor-or-self::*[map:contains($kse:label-table, 'ms-' || local-name())][1] ! kp:l('ms-' || local-name()),
                           kp:l('ms-desc'))[1]"/>
  </xsl:function>
  <xsl:function name="kp:ms-items" as="xs:string">
    <xsl:param name="nodes" as="node()*"/>
    <xsl:sequence select="string-join(for $n in $nodes return
        if ($n/self::*[map:contains($kse:label-table, 'ms-' || local-name())] and not($n/self::tei:p))
        (: a labelled part runs on with its label, and a full stop when it stands among other parts only :)
        then (kp:t(' ')[$n/preceding-sibling::node()] || '#k.ms-sublabel(' || kp:str(string-join((kp:l('ms-' || local-name($n)), $n/@n), ' ')) || ')'
              || kp:t(' ') || kp:ms-items($n/node()) || kp:t('.')[not(matches(normalize-space($n), '[.!?]$'))][empty($n/../text()[normalize-space()])])
        else if ($n/self::*) then (if ($n/self::tei:p or $n/self::tei:lb or $n/self::tei:q or $n/self::tei:title or $n/self::tei:hi
                                         or $n/self::tei:foreign or $n/self::tei:emph or $n/self::tei:term or $n/self::tei:mentioned
                                         or $n/self::tei:gi or $n/self::tei:att or $n/self::tei:val)
                                   then kp:prose-of($n) else kp:ms-items($n/node()))
        else kp:prose-of($n))"/>
  </xsl:function>
  <xsl:function name="kp:prose-of" as="xs:string">
    <xsl:param name="n" as="node()"/>
    <xsl:variable name="items" as="xs:string*"><xsl:apply-templates select="$n" mode="kp:prose"/></xsl:variable>
    <xsl:sequence select="string-join($items)"/>
  </xsl:function>

  <!-- ============ header prose, as content items ============ -->
  <xsl:function name="kp:prose" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="items" as="xs:string*"><xsl:apply-templates select="$e/node()" mode="kp:prose"/></xsl:variable>
    <xsl:sequence select="string-join($items)"/>
  </xsl:function>
  <xsl:template match="text()" mode="kp:prose"><xsl:sequence select="kp:t(.)"/></xsl:template>
  <xsl:template match="*" mode="kp:prose"><xsl:apply-templates mode="#current"/></xsl:template>
  <xsl:template match="tei:p" mode="kp:prose">
    <xsl:sequence select="'#parbreak()'[exists(current()/preceding-sibling::*)]"/><xsl:apply-templates mode="#current"/>
  </xsl:template>
  <xsl:template match="tei:lb" mode="kp:prose"><xsl:sequence select="'#linebreak()'"/></xsl:template>
  <xsl:template match="tei:q" mode="kp:prose">
    <xsl:sequence select="kp:t('“') || '#text(lang: ' || kp:str((kp:lang-code(@xml:lang)[. != ''], 'kk')[1]) || ')'
                          || kp:block(kp:items(node(), 'kp:prose')) || kp:t('”')"/>
  </xsl:template>
  <xsl:template match="tei:gi" mode="kp:prose"><xsl:sequence select="kp:t('&lt;' || . || '&gt;')"/></xsl:template>
  <xsl:template match="tei:att" mode="kp:prose"><xsl:sequence select="kp:t('@' || .)"/></xsl:template>
  <xsl:template match="tei:val" mode="kp:prose"><xsl:sequence select="kp:t('“' || . || '”')"/></xsl:template>
  <xsl:template match="tei:title | tei:hi | tei:foreign | tei:emph | tei:term | tei:mentioned" mode="kp:prose">
    <xsl:sequence select="'#emph' || kp:block(kp:items(node(), 'kp:prose'))"/>
  </xsl:template>
  <xsl:template match="tei:note" mode="kp:prose"><xsl:apply-templates mode="#current"/></xsl:template>

  <!-- the items of some nodes in one of the modes that write content items (kp:prose, kp:inline, kp:note) -->
  <xsl:function name="kp:items" as="xs:string">
    <xsl:param name="nodes" as="node()*"/>
    <xsl:param name="mode" as="xs:string"/>
    <xsl:variable name="items" as="xs:string*">
      <xsl:choose>
        <xsl:when test="$mode = 'kp:prose'"><xsl:apply-templates select="$nodes" mode="kp:prose"/></xsl:when>
        <xsl:when test="$mode = 'kp:note'"><xsl:apply-templates select="$nodes" mode="kp:note"/></xsl:when>
        <xsl:otherwise><xsl:apply-templates select="$nodes" mode="kp:inline"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:sequence select="string-join($items)"/>
  </xsl:function>
</xsl:stylesheet>
