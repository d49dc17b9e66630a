<?xml version="1.0" encoding="UTF-8"?>
<!--
  common_apparatus.xsl — one model of the critical apparatus for every target: witnesses and their sigla,
  apparatus entries (lemma, readings, sigla, notes), and the text of any one witness.

  WHAT IT READS.
  - Witnesses: every listWit//witness (and listWit with an xml:id, as a group) anywhere in the document.
    A witness's siglum is its @n, else an <abbr type="siglum">/<idno type="siglum"> in it, else its id.
    A @wit token that names no declared witness ('#X', 'X', 'other.xml#X') still counts as a witness with
    siglum X, so that no reading ever loses its witnesses. A document without any @wit (our Kazakh
    edition) has one implicit witness, the siglum of the witness-siglum parameter.
  - Parallel segmentation: <app> with <lem> and/or <rdg>, <rdgGrp> (nested), @wit, @type, @cause, @hand,
    @resp, @cert, @source, <note> and <witDetail> inside <app>, apps nested in readings. A lem without @wit
    is read by every witness not cited by a reading of that app (negative apparatus); without a lem, the
    reading of the base witness (parameter base-witness, else the first witness) is the lemma.
    An empty reading is an omission ('om.'); one that only opens a lacuna is 'lac.'.
  - Fragmentary witnesses: <witStart/>, <witEnd/>, <lacunaStart/>, <lacunaEnd/> (their @wit, else the
    @wit of the reading they stand in). The accumulator kse:absent follows them through the document, so
    whether a witness is present at a node is one lookup (linear in the document, not a scan per node).
    A witness with a witStart anywhere is absent before it.
  - Double-end-point apparatus: app/@from and @to point to <anchor>s (or any element with that id); the
    lemma is the lem, else the text between the anchors. Location-referenced apparatus (variantEncoding
    method="location-referenced", or app/@loc without a lem in the text): the app stands at its place and
    its lem only repeats the base text. Entries are numbered in the order of their places in the text.
  - Single-witness corrections of our edition: choice (sic/corr, orig/reg, abbr/expan), sic alone, corr
    alone and supplied are entries of the same model: lemma = the editor's reading, one reading = the
    witness's (siglum witness-siglum; empty for supplied).

  THE MODEL (maps; see common.xsl for the function list).
  kse:app-entry($e) = map{
    'node': the app/choice/… element,        'n': its number (kse:app-number),
    'kind': 'variant' | 'correction' | 'regularization' | 'expansion' | 'sic' | 'supplied' | 'note',
    'method': 'parallel-segmentation' | 'double-end-point' | 'location-referenced' | 'single-witness',
    'type': @type of the app ('' if none),    'cert', 'resp': strings,
    'lemma': a reading map or (),            'readings': the other readings, in document order (reading maps),
    'notes': note elements of the entry,      'details': witDetail elements of the entry,
    'location': the node that marks the place in the text (the app, or the @from anchor),
    'from', 'to': the anchors of a double-end-point app (or ()) }
  a reading map = map{
    'node': the lem/rdg/sic/corr… element or () (a lemma taken from between two anchors),
    'nodes': the nodes to render,             'text': its plain text (normalized),
    'role': 'lem' | 'rdg',                    'omission': true when it has no text (and opens no lacuna),
    'lacuna': true when it only opens a lacuna (a reading that only begins or ends a witness is neither:
                                            kse:reading-markers says what it does),
    'wit': @wit tokens as ids ('#A' -> 'A'), 'sigla': their sigla,
    'witnesses': the witness ids that read it (groups expanded; for a lem without @wit, the complement),
    'type', 'cause', 'hand', 'resp', 'cert', 'source': strings ('' if none; type falls back to the rdgGrp's),
    'group': the enclosing rdgGrp or (),     'details': the witDetail elements that point to it }
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:kse="urn:kse:xslt"
  exclude-result-prefixes="#all">

  <!-- kse:absent is read on the principal document by every target: make it applicable there. -->
  <xsl:mode use-accumulators="#all"/>

  <!-- ============ witnesses ============ -->

  <!-- an @wit-like attribute as ids: '#A' -> 'A', 'wits.xml#A' -> 'A', 'A' -> 'A' -->
  <xsl:function name="kse:wit-tokens" as="xs:string*">
    <xsl:param name="att" as="attribute()?"/>
    <xsl:sequence select="for $t in tokenize(string($att)) return
                          (if (contains($t, '#')) then substring-after($t, '#') else $t)[. != '']"/>
  </xsl:function>

  <!-- Everything about the witnesses of a document, computed once per document:
       'ids' (in order: declared witnesses, then undeclared @wit tokens in order of first use),
       'siglum' (id -> siglum), 'members' (group id -> witness ids), 'late' (ids with a witStart),
       'element' (id -> the witness element). -->
  <xsl:function name="kse:witness-table" as="map(*)">
    <xsl:param name="root" as="node()"/>
    <xsl:sequence select="if (root($root) is $kse:principal-root) then $kse:principal-witness-table
                          else kse:make-witness-table(root($root))"/>
  </xsl:function>
  <xsl:variable name="kse:principal-witness-table" as="map(*)" select="kse:make-witness-table(/)"/>

  <xsl:function name="kse:make-witness-table" as="map(*)">
    <xsl:param name="doc" as="node()"/>
    <xsl:variable name="declared" select="$doc//tei:listWit//tei:witness"/>
    <xsl:variable name="groups" select="$doc//tei:listWit[@xml:id]"/>
    <xsl:variable name="declared-ids" select="$declared/@xml:id ! string(.)"/>
    <xsl:variable name="group-ids" select="$groups/@xml:id ! string(.)"/>
    <xsl:variable name="used" select="distinct-values($doc//tei:text//@wit ! kse:wit-tokens(.))"/>
    <xsl:variable name="undeclared" select="$used[not(. = ($declared-ids, $group-ids))]"/>
    <xsl:sequence select="map{
      'ids': ($declared-ids, $undeclared),
      'siglum': map:merge((
          $declared[@xml:id] ! map{string(@xml:id): kse:witness-siglum(.)},
          $groups ! map{string(@xml:id): string((@n, tei:head, @xml:id)[normalize-space()][1]) ! normalize-space()},
          $undeclared ! map{.: .}), map{'duplicates': 'use-first'}),
      'members': map:merge($groups ! map{string(@xml:id): .//tei:witness/@xml:id ! string(.)}, map{'duplicates': 'use-first'}),
      'late': distinct-values($doc//tei:text//tei:witStart ! kse:marker-witnesses(., $doc)),
      'element': map:merge($declared[@xml:id] ! map{string(@xml:id): .}, map{'duplicates': 'use-first'})}"/>
  </xsl:function>

  <xsl:function name="kse:witness-siglum" as="xs:string">
    <xsl:param name="w" as="element()"/>
    <xsl:sequence select="normalize-space(($w/@n, $w/(tei:abbr | tei:idno | tei:label)[@type = 'siglum'], $w/@xml:id,
                          $witness-siglum)[normalize-space()][1])"/>
  </xsl:function>

  <!-- the witness ids of a document, in order (empty when it has no witnesses: the single-witness case) -->
  <xsl:function name="kse:witness-ids" as="xs:string*">
    <xsl:param name="root" as="node()"/>
    <xsl:sequence select="kse:witness-table($root)?ids"/>
  </xsl:function>

  <!-- the declared witness elements (tei:witness), in document order -->
  <xsl:function name="kse:witnesses" as="element()*">
    <xsl:param name="root" as="node()"/>
    <xsl:sequence select="root($root)//tei:listWit//tei:witness"/>
  </xsl:function>

  <!-- the siglum of a witness id (or of a group), the id itself when unknown -->
  <xsl:function name="kse:siglum" as="xs:string">
    <xsl:param name="root" as="node()"/>
    <xsl:param name="id" as="xs:string"/>
    <xsl:sequence select="(kse:witness-table($root)?siglum($id), $id)[1]"/>
  </xsl:function>

  <!-- the sigla of an element's @wit, in the order written -->
  <xsl:function name="kse:sigla" as="xs:string*">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="kse:wit-tokens($e/@wit) ! kse:siglum($e, .)"/>
  </xsl:function>

  <!-- ids expanded: a group (listWit/@xml:id) gives its witnesses -->
  <xsl:function name="kse:expand-witnesses" as="xs:string*">
    <xsl:param name="root" as="node()"/>
    <xsl:param name="ids" as="xs:string*"/>
    <xsl:variable name="members" select="kse:witness-table($root)?members"/>
    <xsl:sequence select="distinct-values(for $i in $ids return if (map:contains($members, $i)) then $members($i) else $i)"/>
  </xsl:function>

  <!-- the witnesses a lacuna/witStart/witEnd marker speaks of: its @wit, else the enclosing reading's -->
  <xsl:function name="kse:marker-witnesses" as="xs:string*">
    <xsl:param name="m" as="element()"/>
    <xsl:param name="doc" as="node()"/>
    <xsl:variable name="wit" select="($m/@wit, $m/ancestor::*[self::tei:rdg or self::tei:lem or self::tei:rdgGrp][@wit][1]/@wit)[1]"/>
    <!-- groups through the id key, not the witness table (which needs this function for 'late') -->
    <xsl:sequence select="distinct-values(for $i in kse:wit-tokens($wit) return
        (key('kse:id', $i, $doc)[self::tei:listWit]//tei:witness/@xml:id ! string(.), $i)[1])"/>
  </xsl:function>

  <!-- Which witnesses are absent (lacuna, not yet begun, ended) at a node: id -> true (absent) / false. -->
  <xsl:accumulator name="kse:absent" as="map(xs:string, xs:boolean)" initial-value="map{}">
    <xsl:accumulator-rule match="tei:lacunaStart | tei:witEnd"
      select="map:merge(($value, kse:marker-witnesses(., root(.)) ! map{.: true()}), map{'duplicates': 'use-last'})"/>
    <xsl:accumulator-rule match="tei:lacunaEnd | tei:witStart"
      select="map:merge(($value, kse:marker-witnesses(., root(.)) ! map{.: false()}), map{'duplicates': 'use-last'})"/>
  </xsl:accumulator>

  <!-- the witness ids absent at node $n -->
  <xsl:function name="kse:absent-witnesses" as="xs:string*">
    <xsl:param name="n" as="node()"/>
    <xsl:variable name="table" select="kse:witness-table($n)"/>
    <xsl:sequence select="if (not($kse:has-markers) or not(root($n) is $kse:principal-root)) then ()
      else (let $state := $n ! accumulator-before('kse:absent')
            return $table?ids[if (map:contains($state, .)) then $state(.) else . = $table?late])"/>
  </xsl:function>
  <xsl:variable name="kse:has-markers" as="xs:boolean"
    select="exists(//tei:text//(tei:lacunaStart | tei:lacunaEnd | tei:witStart | tei:witEnd))"/>

  <!-- ============ the apparatus method ============ -->

  <!-- the document's declared method, read once (a search of the document per app made the build quadratic) -->
  <xsl:variable name="kse:variant-method" as="xs:string"
    select="string((//tei:teiHeader//tei:variantEncoding/@method, 'parallel-segmentation')[1])"/>

  <xsl:function name="kse:app-method" as="xs:string">
    <xsl:param name="app" as="element()"/>
    <xsl:sequence select="if (not($app/self::tei:app)) then 'single-witness'
      else if ($app/@from or $app/@to) then 'double-end-point'
      else if ($app/@loc or (if (root($app) is $kse:principal-root) then $kse:variant-method
                                else string((root($app)//tei:variantEncoding/@method)[1])) = 'location-referenced') then 'location-referenced'
      else 'parallel-segmentation'"/>
  </xsl:function>

  <!-- does the lem of this app stand in the running text? (parallel segmentation: yes; otherwise it only
       repeats text that is already there) -->
  <xsl:function name="kse:lemma-in-text" as="xs:boolean">
    <xsl:param name="app" as="element()"/>
    <xsl:sequence select="kse:app-method($app) = 'parallel-segmentation'"/>
  </xsl:function>

  <xsl:function name="kse:anchor" as="element()?">
    <xsl:param name="att" as="attribute()?"/>
    <xsl:sequence select="if ($att and starts-with(normalize-space($att), '#'))
                          then key('kse:id', substring-after(normalize-space($att), '#'), root($att))[1] else ()"/>
  </xsl:function>

  <!-- the node that stands for an entry's place in the text (numbering order, the mark's place) -->
  <xsl:function name="kse:app-location" as="node()">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="($e[self::tei:app]/@from ! kse:anchor(.), $e)[1]"/>
  </xsl:function>

  <!-- the nodes between the anchors of a double-end-point app (both anchors under one parent), else () -->
  <xsl:function name="kse:dep-range" as="node()*">
    <xsl:param name="app" as="element()"/>
    <xsl:variable name="from" select="kse:anchor($app/@from)"/>
    <xsl:variable name="to" select="kse:anchor($app/@to)"/>
    <xsl:sequence select="if ($from and $to and $from/.. is $to/.. and $from &lt;&lt; $to)
                          then $from/following-sibling::node()[. &lt;&lt; $to] else ()"/>
  </xsl:function>

  <!-- Double-end-point apps whose anchors share a parent, computed once: the first app that starts at each
       anchor (generate-id of the anchor -> app), and every node of their ranges (generate-id -> true). A
       target renders such a range once, at its first anchor, with every reading; the nodes are skipped where
       they stand. Ranges whose anchors have different parents only get a mark. -->
  <xsl:variable name="kse:dep-apps" as="map(xs:string, element())"
    select="map:merge(//tei:app[@from][exists(kse:dep-range(.))] ! map{generate-id(kse:anchor(@from)): .}, map{'duplicates': 'use-first'})"/>
  <xsl:variable name="kse:dep-covered" as="map(xs:string, xs:boolean)"
    select="map:merge(map:for-each($kse:dep-apps, function($k, $app) { kse:dep-range($app) ! map{generate-id(.): true()} }),
                      map{'duplicates': 'use-first'})"/>
  <xsl:variable name="kse:has-dep" as="xs:boolean" select="map:size($kse:dep-apps) gt 0"/>

  <!-- ============ entries ============ -->

  <!-- witDetail by the reading it points to (it may stand in an outer app: TEI allows it anywhere in app) -->
  <xsl:key name="kse:wit-detail" match="tei:witDetail" use="tokenize(@target) ! substring-after(., '#')"/>

  <!-- Entries are asked for several times (the mark, the tooltip, the paragraph's apparatus, apparatus.html):
       those of the principal document are made once, in one map. -->
  <xsl:function name="kse:app-entry" as="map(*)">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="if (root($e) is $kse:principal-root and map:contains($kse:principal-entries, generate-id($e)))
                          then $kse:principal-entries(generate-id($e)) else kse:make-app-entry($e)"/>
  </xsl:function>
  <xsl:variable name="kse:principal-entries" as="map(xs:string, map(*))"
    select="map:merge(kse:interventions(/) ! map{generate-id(.): kse:make-app-entry(.)})"/>

  <xsl:function name="kse:make-app-entry" as="map(*)">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="kind" select="kse:intervention-kind($e)"/>
    <xsl:variable name="method" select="kse:app-method($e)"/>
    <xsl:variable name="from" select="$e[self::tei:app]/@from ! kse:anchor(.)"/>
    <xsl:variable name="to" select="$e[self::tei:app]/@to ! kse:anchor(.)"/>
    <xsl:variable name="readings" as="map(*)*">
      <xsl:choose>
        <xsl:when test="$e/self::tei:app">
          <xsl:variable name="all" select="$e/(tei:lem | tei:rdg | tei:rdgGrp//(tei:lem | tei:rdg))"/>
          <xsl:variable name="cited" select="kse:expand-witnesses($e, $all/@wit ! kse:wit-tokens(.))"/>
          <xsl:sequence select="$all ! kse:reading(., $e, $cited)"/>
        </xsl:when>
        <xsl:when test="$kind = ('correction', 'regularization', 'expansion')">
          <xsl:sequence select="kse:correction($e) ! kse:reading(., $e, ()), kse:witness($e) ! kse:reading(., $e, ())"/>
        </xsl:when>
        <xsl:when test="$kind = 'supplied'">
          <xsl:sequence select="kse:reading($e, $e, ()),
            map{'node': (), 'nodes': (), 'text': '', 'role': 'rdg', 'omission': true(), 'lacuna': false(),
                'wit': (), 'sigla': $witness-siglum, 'witnesses': (), 'type': '', 'cause': '', 'hand': '',
                'resp': '', 'cert': '', 'source': '', 'group': (), 'details': ()}"/>
        </xsl:when>
        <xsl:when test="$kind = ('sic', 'correction')"><xsl:sequence select="kse:reading($e, $e, ())"/></xsl:when>
        <xsl:otherwise/><!-- a note of its own: no lemma, no readings -->
      </xsl:choose>
    </xsl:variable>
    <!-- the lemma: the lem; without one, the base witness's reading (or the text between the anchors) -->
    <xsl:variable name="base" select="($base-witness[. != ''], kse:witness-ids($e)[1])[1]"/>
    <!-- (no if-then-else in what goes into a map: SaxonC 13.1 fails on a lazily evaluated branch there) -->
    <xsl:variable name="lemma" as="map(*)?"
      select="($readings[?role = 'lem'], $from ! kse:range-reading($e), $readings[?witnesses = $base])[1]"/>
    <xsl:sequence select="map{
      'node': $e, 'n': kse:app-number($e), 'kind': $kind, 'method': $method,
      'type': string($e/@type), 'cert': kse:cert($e), 'resp': kse:resp($e),
      'lemma': $lemma,
      'readings': $readings[not(exists($lemma?node) and exists(?node) and ?node is $lemma?node)],
      'notes': kse:notes-of($e),
      'details': $e//tei:witDetail,
      'location': kse:app-location($e), 'from': $from, 'to': $to}"/>
  </xsl:function>

  <!-- one reading as a map; $cited: every witness the app's readings name (for a lem without @wit) -->
  <xsl:function name="kse:reading" as="map(*)">
    <xsl:param name="r" as="element()"/>
    <xsl:param name="app" as="element()"/>
    <xsl:param name="cited" as="xs:string*"/>
    <xsl:variable name="role" select="if ($r/self::tei:rdg or ($app/self::tei:choice and ($r/self::tei:sic
                                          or $r/self::tei:orig or $r/self::tei:abbr))) then 'rdg' else 'lem'"/>
    <xsl:variable name="text" select="kse:text($r/node(), if ($role = 'rdg' and not($app/self::tei:app)) then 'diplomatic' else 'reading')"/>
    <xsl:variable name="wit" select="kse:wit-tokens($r/@wit)"/>
    <xsl:variable name="single" select="not($app/self::tei:app) and $role = 'rdg'"/>
    <!-- a lem without @wit is read by every witness the other readings do not name -->
    <xsl:variable name="complement" select="exists($r/self::tei:lem) and empty($wit) and exists($app/self::tei:app)"/>
    <xsl:variable name="markers" select="$r//(tei:lacunaStart | tei:lacunaEnd | tei:witStart | tei:witEnd)"/>
    <xsl:variable name="contentful" select="exists($r//(tei:gap | tei:space | tei:graphic | tei:figure | tei:formula | tei:g))"/>
    <xsl:sequence select="map{
      'node': $r, 'nodes': $r/node(), 'text': $text, 'role': $role,
      'omission': $text = '' and not($contentful) and empty($markers),
      'lacuna': $text = '' and not($contentful) and exists($r//tei:lacunaStart),
      'wit': $wit,
      'sigla': ($witness-siglum[$single], ($wit ! kse:siglum($r, .))[not($single)],
                (: a conjecture or a reading of an edition: its @source (a bibl, a person …) stands for the siglum :)
                (kse:wit-tokens($r/@source) ! (key('kse:id', ., root($r))[1]/(@n, tei:abbr)[1] ! normalize-space(), .)[1])[empty($wit)]),
      'witnesses': (kse:witness-ids($r)[not(. = $cited)][$complement], kse:expand-witnesses($r, $wit)[not($complement)]),
      'type': string(($r/@type, $r/ancestor::tei:rdgGrp[@type][1]/@type)[1]),
      'cause': string($r/@cause), 'hand': replace(string($r/@hand), '^#', ''),
      'resp': replace(string($r/@resp), '^#', ''), 'cert': string($r/@cert),
      'source': string($r/@source), 'group': $r/parent::tei:rdgGrp,
      'details': $r/@xml:id ! key('kse:wit-detail', string(.), root($r))}"/>
  </xsl:function>

  <!-- the lemma of a double-end-point app without lem: the text between its anchors -->
  <xsl:function name="kse:range-reading" as="map(*)">
    <xsl:param name="app" as="element()"/>
    <xsl:variable name="nodes" select="kse:dep-range($app)"/>
    <xsl:sequence select="map{'node': (), 'nodes': $nodes, 'text': kse:text($nodes, 'reading'), 'role': 'lem',
      'omission': empty($nodes), 'lacuna': false(), 'wit': (), 'sigla': (), 'witnesses': (),
      'type': '', 'cause': '', 'hand': '', 'resp': '', 'cert': '', 'source': '', 'group': (), 'details': ()}"/>
  </xsl:function>

  <!-- The entry as one line of plain text, the same in every output:
       "lemma] reading A B; om. C" (the lemma's sigla after it when its @wit names them). -->
  <xsl:function name="kse:entry-text" as="xs:string">
    <xsl:param name="entry" as="map(*)"/>
    <xsl:param name="lang" as="xs:string"/>
    <xsl:variable name="lemma" select="$entry?lemma"/>
    <xsl:variable name="rdgs" select="$entry?readings ! kse:reading-text(., $lang)"/>
    <xsl:sequence select="normalize-space(string-join((
        if (exists($lemma)) then kse:reading-text($lemma, $lang)
          || (if ($entry?kind = 'supplied') then ' ' || kse:label('kind-supplied', $lang) else '') || ']' else (),
        string-join($rdgs, '; '),
        kse:loose-details($entry) ! ('(' || string-join(kse:sigla(.), ' ') || ': ' || normalize-space(.) || ')')), ' '))"/>
  </xsl:function>

  <!-- the witDetail elements of an entry that point to no reading (one that does is shown with it) -->
  <xsl:function name="kse:loose-details" as="element()*">
    <xsl:param name="entry" as="map(*)"/>
    <xsl:sequence select="for $d in $entry?details return $d[empty(tokenize($d/@target)[starts-with(., '#')]
                                                 ! key('kse:id', substring(., 2), root($d)))]"/>
  </xsl:function>

  <!-- one reading as plain text: its text (or om./lac.), its sigla, its type and cause -->
  <xsl:function name="kse:reading-text" as="xs:string">
    <xsl:param name="r" as="map(*)"/>
    <xsl:param name="lang" as="xs:string"/>
    <xsl:sequence select="normalize-space(string-join((
        if ($r?lacuna) then kse:label('app-lacuna', $lang)
        else if ($r?omission) then kse:label('app-omission', $lang) else $r?text,
        $r?sigla,
        ($r?cause[. != ''], kse:reading-markers($r) ! kse:label(., $lang), $r?details ! normalize-space(.)) ! ('(' || . || ')')), ' '))"/>
  </xsl:function>

  <!-- label keys of what a reading says about its witnesses besides its text: where a witness begins or
       ends, where a lacuna begins or ends (a reading that is only a lacuna is 'lacuna' already) -->
  <xsl:function name="kse:reading-markers" as="xs:string*">
    <xsl:param name="r" as="map(*)"/>
    <xsl:variable name="n" select="$r?node"/>
    <xsl:sequence select="('app-wit-start'[$n//tei:witStart], 'app-lacuna-end'[$n//tei:lacunaEnd],
                           'app-lacuna-start'[$n//tei:lacunaStart][not($r?lacuna)], 'app-wit-end'[$n//tei:witEnd])"/>
  </xsl:function>

  <!-- ============ the text of one witness ============ -->
  <!-- kse:witness-text($nodes, $wit): what witness $wit reads, as plain text (normalized). Readings are
       chosen app by app (nested ones too); text where the witness is absent (lacuna, before its witStart,
       after its witEnd) is left out; notes, witDetail, supplied and corr alone (the editor's) are left out;
       choice gives the witness's form (sic, orig, abbr). -->
  <xsl:function name="kse:witness-text" as="xs:string">
    <xsl:param name="nodes" as="node()*"/>
    <xsl:param name="wit" as="xs:string"/>
    <xsl:variable name="parts" as="xs:string*">
      <xsl:apply-templates select="$nodes" mode="kse:witness-text"><xsl:with-param name="wit" select="$wit" tunnel="yes"/></xsl:apply-templates>
    </xsl:variable>
    <xsl:sequence select="normalize-space(string-join($parts))"/>
  </xsl:function>

  <!-- which readings of an app witness $wit reads (one, or none when it omits the place) -->
  <xsl:function name="kse:readings-of" as="element()*">
    <xsl:param name="app" as="element()"/>
    <xsl:param name="wit" as="xs:string"/>
    <xsl:variable name="all" select="$app/(tei:lem | tei:rdg | tei:rdgGrp//(tei:lem | tei:rdg))"/>
    <xsl:variable name="own" select="$all[kse:expand-witnesses(., kse:wit-tokens(@wit)) = $wit]"/>
    <xsl:sequence select="if ($own) then $own[1]
      else $all[self::tei:lem][empty(@wit)][not(kse:expand-witnesses($app, $all/@wit ! kse:wit-tokens(.)) = $wit)][1]"/>
  </xsl:function>

  <xsl:mode name="kse:witness-text" on-no-match="shallow-skip"/>
  <xsl:template match="text()" mode="kse:witness-text">
    <xsl:param name="wit" tunnel="yes" as="xs:string"/>
    <xsl:if test="not($wit = kse:absent-witnesses(.))"><xsl:value-of select="."/></xsl:if>
  </xsl:template>
  <xsl:template match="tei:app" mode="kse:witness-text">
    <xsl:param name="wit" tunnel="yes" as="xs:string"/>
    <xsl:choose>
      <xsl:when test="kse:lemma-in-text(.)"><xsl:apply-templates select="kse:readings-of(., $wit)/node()" mode="#current"/></xsl:when>
      <xsl:otherwise/><!-- another method: the base text around it is the witness's text -->
    </xsl:choose>
  </xsl:template>
  <!-- double-end-point: the range is read at its first anchor, as the witness gives it -->
  <xsl:template match="node()[$kse:has-dep][map:contains($kse:dep-covered, generate-id(.))]" mode="kse:witness-text" priority="5">
    <xsl:param name="kse:in-range" tunnel="yes" as="xs:boolean" select="false()"/>
    <xsl:if test="$kse:in-range"><xsl:next-match/></xsl:if>
  </xsl:template>
  <xsl:template match="tei:anchor[$kse:has-dep][map:contains($kse:dep-apps, generate-id(.))]" mode="kse:witness-text" priority="5">
    <xsl:param name="wit" tunnel="yes" as="xs:string"/>
    <xsl:variable name="app" select="$kse:dep-apps(generate-id(.))"/>
    <xsl:variable name="r" select="kse:readings-of($app, $wit)"/>
    <xsl:choose>
      <xsl:when test="$r/self::tei:rdg"><xsl:apply-templates select="$r/node()" mode="#current"/></xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates select="kse:dep-range($app)" mode="#current"><xsl:with-param name="kse:in-range" select="true()" tunnel="yes"/></xsl:apply-templates>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="tei:note | tei:witDetail | tei:wit | tei:teiHeader | tei:standOff | tei:fw | tei:figDesc
                       | tei:supplied | tei:corr[not(parent::tei:choice)] | tei:choice/tei:corr | tei:choice/tei:reg
                       | tei:choice/tei:expan" mode="kse:witness-text"/>
  <xsl:template match="tei:gap" mode="kse:witness-text">
    <xsl:param name="wit" tunnel="yes" as="xs:string"/>
    <xsl:if test="not($wit = kse:absent-witnesses(.))"><xsl:text>[…]</xsl:text></xsl:if>
  </xsl:template>
  <xsl:template match="tei:lb | tei:cb | tei:pb" mode="kse:witness-text">
    <xsl:if test="not(@break = 'no')"><xsl:text> </xsl:text></xsl:if>
  </xsl:template>
  <xsl:template match="*[kse:is-block(.)] | tei:lg | tei:div | tei:sp" mode="kse:witness-text">
    <xsl:text> </xsl:text><xsl:apply-templates mode="#current"/><xsl:text> </xsl:text>
  </xsl:template>
</xsl:stylesheet>
