<?xml version="1.0" encoding="UTF-8"?>
<!--
  common_textcrit.xsl — which reading shows in which view, what an intervention is, and its number.

  ALGORITHM. An *intervention* is one place where the editor acts on the witness: a <choice> (sic/corr,
  orig/reg, abbr/expan), a <sic> or <corr> standing alone, a <supplied>, an <app>, or an editorial <note>
  that is not attached to one of these (a note is *attached* when it follows an intervention directly,
  whitespace aside, or sits inside it). Interventions nested in another intervention, or in the header, or
  in residue divs (unless show-residue=yes), are not counted. They are numbered 1…n in document order;
  the numbers are computed once per document into a map keyed by generate-id(), so kse:app-number() is a
  lookup, not a count of preceding nodes (which would be quadratic).
  Views: 'reading' shows corr/reg/expan/lem/supplied and drops sic/orig/abbr inside choice; 'diplomatic'
  shows the witness: sic/orig/abbr, drops corr/reg/expan/supplied. Notes never belong to the running text.
  USAGE. kse:text($node, 'reading'), kse:app-number($choice), kse:witness($choice), kse:correction($choice),
  kse:notes-of($choice), kse:sentence-of($date). See common.xsl for the full list.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:array="http://www.w3.org/2005/xpath-functions/array"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:kse="urn:kse:xslt"
  exclude-result-prefixes="#all">

  <!-- ============ the rules as data (shared with the Python core: text-rules.json) ============ -->
  <xsl:variable name="kse:text-rules" as="map(*)" select="json-doc(resolve-uri('text-rules.json', static-base-uri()))"/>
  <xsl:variable name="kse:block-names" as="map(xs:string, xs:boolean)"
                select="map:merge(array:flatten($kse:text-rules?blocks) ! map{string(.): true()})"/>
  <xsl:variable name="kse:choice-reading" as="xs:string*" select="array:flatten($kse:text-rules?choice-reading) ! string(.)"/>
  <xsl:variable name="kse:choice-witness" as="xs:string*" select="array:flatten($kse:text-rules?choice-witness) ! string(.)"/>
  <xsl:variable name="kse:not-text" as="xs:string*" select="array:flatten($kse:text-rules?not-text) ! string(.)"/>

  <!-- ============ interventions ============ -->

  <xsl:function name="kse:is-textual-intervention" as="xs:boolean">
    <xsl:param name="n" as="node()"/>
    <xsl:sequence select="exists($n[self::tei:choice or self::tei:app or self::tei:supplied
                          or self::tei:sic[not(parent::tei:choice)] or self::tei:corr[not(parent::tei:choice)]])"/>
  </xsl:function>

  <xsl:function name="kse:is-attached-note" as="xs:boolean">
    <xsl:param name="note" as="element()"/>
    <xsl:variable name="prev" select="$note/preceding-sibling::node()[not(self::text()[not(normalize-space())])][1]"/>
    <!-- a commentary note comments on the passage, never on a correction: it is never attached -->
    <xsl:sequence select="not($note/@type = 'commentary')
                          and (exists($prev) and $prev instance of element() and kse:is-textual-intervention($prev)
                               or exists($note/parent::*[kse:is-textual-intervention(.)]))"/>
  </xsl:function>

  <xsl:function name="kse:is-intervention" as="xs:boolean">
    <xsl:param name="n" as="node()"/>
    <xsl:sequence select="$n instance of element()
      and (kse:is-textual-intervention($n)
           or $n[self::tei:note[@type = 'editorial'] and not(kse:is-attached-note(.))])
      and exists($n/ancestor::tei:text)
      and not($n/ancestor::tei:choice or $n/ancestor::tei:app[not($n/self::tei:app)] or $n/ancestor::tei:supplied[not($n/self::tei:note)])
      and ($show-residue = 'yes' or empty($n/ancestor::tei:div[@type = 'residue']))"/>
  </xsl:function>

  <xsl:function name="kse:interventions" as="element()*">
    <xsl:param name="root" as="node()"/>
    <xsl:variable name="found" select="if ($root is $kse:principal-root) then $kse:principal-interventions
                                       else kse:find-interventions($root)"/>
    <!-- in the order of their numbers (the same as document order unless double-end-point apps move them) -->
    <xsl:sequence select="if (empty($found[self::tei:app[@from]])) then $found
      else (let $index := kse:app-index(root($root)) return sort($found, (), function($a) { $index(generate-id($a)) }))"/>
  </xsl:function>
  <xsl:function name="kse:find-interventions" as="element()*">
    <xsl:param name="root" as="node()"/>
    <xsl:sequence select="$root//tei:text//(tei:choice | tei:app | tei:supplied | tei:sic | tei:corr
                          | tei:note[@type = 'editorial'])[kse:is-intervention(.)]"/>
  </xsl:function>
  <xsl:variable name="kse:principal-interventions" as="element()*" select="kse:find-interventions(/)"/>

  <!-- the interventions of one block (paragraph, line …): key('kse:apps-by-block', generate-id($block)) -->
  <xsl:key name="kse:apps-by-block" match="tei:choice | tei:app | tei:supplied | tei:sic | tei:corr | tei:note[@type = 'editorial']"
           use="if (kse:is-intervention(.)) then kse:block-of(.) ! generate-id(.) else ()"/>
  <xsl:function name="kse:block-interventions" as="element()*">
    <xsl:param name="block" as="element()"/>
    <xsl:sequence select="key('kse:apps-by-block', generate-id($block), root($block))"/>
  </xsl:function>

  <xsl:function name="kse:app-index" as="map(xs:string, xs:integer)">
    <xsl:param name="root" as="node()"/>
    <xsl:variable name="found" select="kse:find-interventions($root)"/>
    <!-- in the order of their places in the text: a double-end-point app counts where its @from anchor is -->
    <xsl:variable name="all" select="if (empty($found[self::tei:app[@from]])) then $found
      else (let $by-place := map:merge($found ! map{generate-id(kse:app-location(.)): .}, map{'duplicates': 'combine'})
            return ($found ! kse:app-location(.))/. ! $by-place(generate-id(.)))"/>
    <xsl:sequence select="map:merge(for $i in 1 to count($all) return map{generate-id($all[$i]): $i})"/>
  </xsl:function>

  <!-- Computed once for the principal document (global variables are evaluated lazily and once). -->
  <xsl:variable name="kse:principal-app-index" as="map(xs:string, xs:integer)" select="kse:app-index(/)"/>

  <xsl:function name="kse:app-number" as="xs:integer?">
    <xsl:param name="n" as="element()"/>
    <xsl:sequence select="if (root($n) is $kse:principal-root) then $kse:principal-app-index(generate-id($n))
                          else kse:app-index(root($n))(generate-id($n))"/>
  </xsl:function>
  <xsl:variable name="kse:principal-root" as="document-node()" select="/"/>

  <xsl:function name="kse:intervention-kind" as="xs:string">
    <xsl:param name="n" as="element()"/>
    <xsl:sequence select="
      if ($n/self::tei:choice/tei:corr) then 'correction'
      else if ($n/self::tei:choice/tei:reg) then 'regularization'
      else if ($n/self::tei:choice/tei:expan) then 'expansion'
      else if ($n/self::tei:choice) then 'correction'
      else if ($n/self::tei:sic) then 'sic'
      else if ($n/self::tei:corr) then 'correction'
      else if ($n/self::tei:supplied) then 'supplied'
      else if ($n/self::tei:app) then 'variant'
      else 'note'"/>
  </xsl:function>

  <xsl:function name="kse:witness" as="node()*">
    <xsl:param name="n" as="element()"/>
    <xsl:sequence select="
      (: a choice of alternatives that are not corrections (two unclear readings, two segs): the second is
         the other reading :)
      if ($n/self::tei:choice) then ((for $name in $kse:choice-witness return $n/tei:*[local-name() = $name])[1],
                                     $n/*[2][empty($n/tei:*[local-name() = ($kse:choice-reading, $kse:choice-witness)])])[1]
      else if ($n/self::tei:sic) then $n
      else if ($n/self::tei:app) then $n/tei:rdg
      else ()"/>
  </xsl:function>

  <xsl:function name="kse:correction" as="node()*">
    <xsl:param name="n" as="element()"/>
    <xsl:sequence select="
      (: a choice of alternatives that are not corrections (two unclear readings, two segs): the first is
         the text :)
      if ($n/self::tei:choice) then ((for $name in $kse:choice-reading return $n/tei:*[local-name() = $name])[1],
                                     $n/*[1][empty($n/tei:*[local-name() = ($kse:choice-reading, $kse:choice-witness)])])[1]
      else if ($n/self::tei:corr or $n/self::tei:supplied) then $n
      else if ($n/self::tei:app) then $n/tei:lem
      else ()"/>
  </xsl:function>

  <xsl:function name="kse:cert" as="xs:string">
    <xsl:param name="n" as="element()"/>
    <xsl:sequence select="string((kse:correction($n)/@cert, $n/@cert)[1])"/>
  </xsl:function>

  <xsl:function name="kse:resp" as="xs:string">
    <xsl:param name="n" as="element()"/>
    <xsl:sequence select="replace(string((kse:correction($n)/@resp, $n/@resp)[1]), '^#', '')"/>
  </xsl:function>

  <xsl:function name="kse:notes-of" as="element()*">
    <xsl:param name="n" as="element()"/>
    <!-- notes inside it (for an app: not those inside its lemma, which stand in the text), then the notes
         that follow it directly (whitespace and other notes between): a walk along the next siblings that
         stops at the first other node, not a scan of every following sibling -->
    <xsl:sequence select="if ($n/self::tei:note) then $n else
      ($n//tei:note[not($n/self::tei:app and ancestor::tei:lem)] | kse:following-notes($n/following-sibling::node()[1]))"/>
  </xsl:function>
  <xsl:function name="kse:following-notes" as="element()*">
    <xsl:param name="next" as="node()?"/>
    <xsl:sequence select="if (empty($next)) then ()
      else if ($next/self::text()[not(normalize-space())]) then kse:following-notes($next/following-sibling::node()[1])
      else if ($next/self::tei:note) then ($next, kse:following-notes($next/following-sibling::node()[1]))
      else ()"/>
  </xsl:function>

  <!-- ============ plain text of a view ============ -->

  <xsl:function name="kse:text" as="xs:string">
    <xsl:param name="nodes" as="node()*"/>
    <xsl:param name="view" as="xs:string"/>
    <!-- a lem or rdg given itself stands for its content (inside other nodes, a rdg is not the reading text) -->
    <xsl:variable name="own" select="$nodes ! (if (self::tei:lem or self::tei:rdg) then node() else .)"/>
    <xsl:variable name="parts" as="xs:string*">
      <xsl:choose>
        <xsl:when test="$view = 'diplomatic'"><xsl:apply-templates select="$own" mode="kse:diplomatic-text"/></xsl:when>
        <xsl:otherwise><xsl:apply-templates select="$own" mode="kse:reading-text"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:sequence select="normalize-space(string-join($parts))"/>
  </xsl:function>

  <xsl:mode name="kse:reading-text" on-no-match="text-only-copy"/>
  <xsl:mode name="kse:diplomatic-text" on-no-match="text-only-copy"/>

  <xsl:template match="*" mode="kse:reading-text kse:diplomatic-text">
    <xsl:param name="kse:mark" as="element()?" tunnel="yes" select="()"/>
    <xsl:choose>
      <xsl:when test=". is $kse:mark">
        <xsl:text>&#xE000;</xsl:text><xsl:apply-templates mode="#current"/><xsl:text>&#xE001;</xsl:text>
      </xsl:when>
      <xsl:otherwise><xsl:apply-templates mode="#current"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="tei:*[local-name() = $kse:not-text]" mode="kse:reading-text kse:diplomatic-text"/>
  <xsl:template match="tei:choice/tei:*[local-name() = $kse:choice-witness] | tei:del" mode="kse:reading-text"/>
  <xsl:template match="tei:choice/tei:*[local-name() = $kse:choice-reading] | tei:supplied | tei:corr"
                mode="kse:diplomatic-text"/>
  <!-- a gap is shown as the Leiden sign, so that a reading that is only a gap is not taken for an omission -->
  <xsl:template match="tei:gap" mode="kse:reading-text kse:diplomatic-text"><xsl:text>[…]</xsl:text></xsl:template>
  <xsl:template match="tei:lb | tei:cb" mode="kse:reading-text kse:diplomatic-text">
    <xsl:if test="not(@break = 'no')"><xsl:text> </xsl:text></xsl:if>
  </xsl:template>
  <xsl:template match="tei:*[kse:is-block(.)]" mode="kse:reading-text kse:diplomatic-text">
    <xsl:next-match/><xsl:text> </xsl:text>
  </xsl:template>

  <!-- ============ blocks (paragraphs, lines …) ============ -->

  <xsl:function name="kse:is-block" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="namespace-uri($e) = 'http://www.tei-c.org/ns/1.0' and map:contains($kse:block-names, local-name($e))"/>
  </xsl:function>

  <xsl:function name="kse:block-of" as="element()?">
    <xsl:param name="n" as="node()"/>
    <xsl:sequence select="$n/ancestor-or-self::*[kse:is-block(.)][1]"/>
  </xsl:function>

  <!-- the position of a block among the blocks of its name in the text: one map per document, computed
       once (a count of preceding elements per block would make the build quadratic) -->
  <xsl:function name="kse:block-position" as="xs:integer">
    <xsl:param name="b" as="element()"/>
    <xsl:variable name="index" select="if (root($b) is $kse:principal-root) then $kse:principal-block-positions
                                       else kse:block-positions(root($b))"/>
    <xsl:sequence select="($index(generate-id($b)), 1)[1]"/>
  </xsl:function>
  <xsl:function name="kse:block-positions" as="map(xs:string, xs:integer)">
    <xsl:param name="doc" as="node()"/>
    <xsl:sequence select="map:merge(
      for $group in (let $blocks := $doc//tei:text//*[kse:is-block(.)]
                     return for $name in distinct-values($blocks ! local-name()) return array{$blocks[local-name() = $name]})
      return for $i in 1 to array:size($group) return map{generate-id($group($i)): $i})"/>
  </xsl:function>
  <xsl:variable name="kse:principal-block-positions" as="map(xs:string, xs:integer)" select="kse:block-positions(/)"/>

  <xsl:function name="kse:block-number" as="xs:string">
    <xsl:param name="b" as="element()"/>
    <xsl:sequence select="if ($b/@n) then string($b/@n) else string(kse:block-position($b))"/>
  </xsl:function>

  <xsl:function name="kse:block-id" as="xs:string">
    <xsl:param name="b" as="element()"/>
    <xsl:sequence select="if ($b/@xml:id) then string($b/@xml:id)
                          else local-name($b) || '-' || kse:block-position($b)"/>
  </xsl:function>

  <!-- ============ the sentence around a node ============ -->
  <!-- Sentence boundaries: a word of 2+ letters ending in . ! ? …, then space, then a capital, digit or «.
       Abbreviations of the encyclopedia (млн., Мыс., янв. …) and initials (one letter) are not boundaries. -->
  <xsl:variable name="kse:abbreviations" as="xs:string"
    select="'млн|млрд|Мыс|мыс|янв|февр|апр|авг|сент|окт|нояб|дек|тыс|обл|губ|им|шт|проф|акад|ст|см|стр|мысалы'"/>

  <xsl:function name="kse:sentence-of" as="map(xs:string, xs:string)">
    <xsl:param name="n" as="element()"/>
    <xsl:variable name="block" select="(kse:block-of($n[not(kse:is-block(.))]), $n/..)[1]"/>
    <xsl:variable name="marked" as="xs:string">
      <xsl:value-of separator="">
        <xsl:apply-templates select="$block" mode="kse:reading-text">
          <xsl:with-param name="kse:mark" select="$n" tunnel="yes"/>
        </xsl:apply-templates>
      </xsl:value-of>
    </xsl:variable>
    <!-- linear in the words, and only the words of the sentence are tested: from the mark back to the
         previous sentence end, and on to the next (a regex over the whole paragraph backtracks badly; testing
         every word of the paragraph for each date made the chronology the slowest part of the print build) -->
    <xsl:variable name="t" select="tokenize(normalize-space($marked), ' ')"/>
    <xsl:variable name="i" select="(for $k in 1 to count($t) return $k[contains($t[$k], '&#xE000;')])[1]"/>
    <xsl:variable name="j" select="(for $k in $i to count($t) return $k[contains($t[$k], '&#xE001;')])[1]"/>
    <xsl:variable name="from" select="((for $k in reverse(1 to $i - 1) return $k[kse:sentence-ends($t, $k)])[1], 0)[1] + 1"/>
    <xsl:variable name="to" select="((for $k in $j to count($t) - 1 return $k[kse:sentence-ends($t, $k)])[1], count($t))[1]"/>
    <xsl:variable name="s" select="string-join($t[position() ge $from and position() le $to], ' ')"/>
    <xsl:sequence select="map{
      'before': substring-before($s, '&#xE000;'),
      'match':  substring-before(substring-after($s, '&#xE000;'), '&#xE001;'),
      'after':  substring-after($s, '&#xE001;')}"/>
    <!-- 'before' ends and 'after' starts with a space only where the text has one: "(1920 жылы)" -->
  </xsl:function>

  <!-- does a sentence end after word $k of $t? -->
  <xsl:function name="kse:sentence-ends" as="xs:boolean">
    <xsl:param name="t" as="xs:string*"/>
    <xsl:param name="k" as="xs:integer"/>
    <xsl:sequence select="matches($t[$k], '[^.]{2}[.!?…][»”)]?&#xE001;?$')
        and not(matches($t[$k], $kse:abbreviation-word))
        and matches($t[$k + 1], '^&#xE000;?[«“(]?&#xE000;?[\p{Lu}\d]')"/>
  </xsl:function>
  <xsl:variable name="kse:abbreviation-word" as="xs:string" select="'^[(«]?(' || $kse:abbreviations || ')\.$'"/>

  <!-- ============ statistics ============ -->

  <xsl:function name="kse:stats" as="map(xs:string, xs:integer)">
    <xsl:param name="root" as="node()"/>
    <xsl:variable name="body" select="$root//tei:text/tei:body"/>
    <xsl:variable name="apps" select="kse:interventions($root)"/>
    <xsl:variable name="corrections" select="$apps[kse:intervention-kind(.) = ('correction', 'regularization', 'expansion', 'supplied', 'variant')]"/>
    <xsl:variable name="names" select="$root//tei:text//(tei:persName | tei:placeName | tei:orgName)"/>
    <xsl:sequence select="map{
      'paragraphs':    count($body//tei:p[not(ancestor::tei:note)]),
      'words':         count(tokenize(kse:text($body, 'reading'), ' ')[not(. = ('-', '–', '—', ''))]),
      'interventions': count($apps),
      'corrections':   count($corrections),
      'cert-high':     count($corrections[kse:cert(.) = 'high']),
      'cert-medium':   count($corrections[kse:cert(.) = 'medium']),
      'cert-low':      count($corrections[kse:cert(.) = 'low']),
      'notes':         count($root//tei:text//tei:note[@type = 'editorial']),
      'entry-notes':   count($apps[kse:intervention-kind(.) = 'note']),  (: notes with an entry of their own :)
      'unmended':      count($apps[kse:intervention-kind(.) = 'sic']),
      'commentary':    count(kse:commentary-notes($root)),  (: the historical commentary, apart from the apparatus :)
      'bibliography':  count(kse:bibliography($root)),
      'persName':      count($names/self::tei:persName),
      'placeName':     count($names/self::tei:placeName),
      'orgName':       count($names/self::tei:orgName),
      'persons':       count(kse:entries($root, 'persons')),   (: the document's own and the shared ones it names :)
      'places':        count(kse:entries($root, 'places')),
      'orgs':          count(kse:entries($root, 'orgs')),
      'dates':         count(kse:dates($root))}"/>
  </xsl:function>
</xsl:stylesheet>
