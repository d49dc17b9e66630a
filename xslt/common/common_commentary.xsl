<?xml version="1.0" encoding="UTF-8"?>
<!--
  common_commentary.xsl — the historical commentary, its bibliography and the fates of the register's persons:
  which notes are commentary, their numbers and languages, the passage a note comments on, how a work is
  cited in a note and listed in the bibliography. Targets render from these functions (HTML:
  html_commentary.xsl); nothing here writes markup of a target.

  COMMENTARY. A commentary note is a <note type="commentary"> of the text, not inside another note, outside
  residue divs unless show-residue=yes. It is never an intervention (kse:is-attached-note), never running text
  (text-rules.json: note is not-text) and has its own series of numbers 1…n in document order, computed once
  per document into a map (as the apparatus numbers are). A note is written in one or more languages: its
  children with an xml:lang (our edition: one <p xml:lang="kk"> and one <p xml:lang="en">); a note without
  such children is one version, in its own language.
  WHICH VERSION AN INTERFACE LANGUAGE SHOWS (kse:version-lang): the version in that language; else the one in
  the first interface language that has one (the default language first: the edition's own, Kazakh here);
  else English; else the first given. So a Russian interface shows the Kazakh version of our notes: whoever
  reads this edition reads its Kazakh text, English they may not read; the other version is always offered
  beside it. (The same order as the header's translations.)
  The commented passage is the sentence of the reading text that ends where the note stands
  (kse:commented-passage: kse:sentence-of with the note as its mark).

  BIBLIOGRAPHY. The works are the biblStruct, bibl and biblFull of any listBibl outside the header, in the order
  of kse:bibl-sort-key: works whose first author (else title) is written in Cyrillic first, then the others, as
  Kazakh and Russian bibliographies list them; within each, by the authors' names (Kazakh alphabetical order,
  Latin letters without their diacritics), year, title. A <ptr> or <ref> whose target is a work cites it.
  Short citation (author-date; kse:short-cite): the surnames ("Cameron"; "A and B"; three or more "A et al.")
  and the year, "and"/"et al." in the language of the names (label bibl-and / bibl-et-al: "Абылхожин и др.
  1989"), a letter after the year when the same authors have two works of a year (2018a, 2018b). The citation
  of a <bibl> of a note (kse:citation): its works' short citations and its citedRange(s): "Cameron 2018, 158–217".
  A reference (kse:reference) is a list of parts, Chicago author-date: authors (the first inverted), year,
  title (an article's in quotation marks, a book's or journal's in italics), container, volume (issue): pages,
  translator, series, place: publisher, the DOI (else the URL). Each part is a map:
    map{'text': …}                          plain text (punctuation, or text from the TEI)
    map{'text': …, 'style': 'italic'|'quoted', 'lang': …}   a title
    map{'label': KEY}                       a word of the interface (bibl-and, bibl-in, bibl-no …): the target
                                            writes kse:label(KEY, its language)
    map{'date': ELEMENT}                    a date the target formats (kse:format-date)
    map{'href': URL, 'text': URL}           a link; only http(s) (a DOI becomes https://doi.org/…)
  and may carry 'role' ('authors', 'year', 'title'), 'lang' (of TEI text, when it has one) and 'lead' (true
  for the names before the year and what joins them).
  kse:bibl-ditto: the entry has the same authors as the one before it (a target may print a dash for them).

  FATES (register of persons). kse:fates($person): the <event>s and a <death> that says more than its date,
  in the order of the entry; kse:fate-key: the label of each ('fate-arrest', 'fate-execution',
  'fate-rehabilitation', 'fate-death'; 'fate-event' for a type without a label).
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:kse="urn:kse:xslt"
  exclude-result-prefixes="#all">

  <!-- ============ the commentary notes ============ -->
  <xsl:function name="kse:is-commentary" as="xs:boolean">
    <xsl:param name="n" as="node()"/>
    <xsl:sequence select="exists($n/self::tei:note[@type = 'commentary'][ancestor::tei:text][not(ancestor::tei:note)]
                          [$show-residue = 'yes' or empty(ancestor::tei:div[@type = 'residue'])])"/>
  </xsl:function>

  <xsl:function name="kse:find-commentary" as="element()*">
    <xsl:param name="root" as="node()"/>
    <xsl:sequence select="$root//tei:text//tei:note[@type = 'commentary'][kse:is-commentary(.)]"/>
  </xsl:function>
  <xsl:variable name="kse:principal-commentary" as="element()*" select="kse:find-commentary(/)"/>

  <!-- the commentary notes of a document, in document order (= the order of their numbers) -->
  <xsl:function name="kse:commentary-notes" as="element()*">
    <xsl:param name="root" as="node()"/>
    <xsl:sequence select="if (root($root) is $kse:principal-root) then $kse:principal-commentary else kse:find-commentary(root($root))"/>
  </xsl:function>

  <xsl:function name="kse:commentary-index" as="map(xs:string, xs:integer)">
    <xsl:param name="root" as="node()"/>
    <xsl:variable name="notes" select="kse:find-commentary($root)"/>
    <xsl:sequence select="map:merge(for $i in 1 to count($notes) return map{generate-id($notes[$i]): $i})"/>
  </xsl:function>
  <xsl:variable name="kse:principal-commentary-index" as="map(xs:string, xs:integer)" select="kse:commentary-index(/)"/>

  <!-- 1-based number of a commentary note (empty for any other node) -->
  <xsl:function name="kse:commentary-number" as="xs:integer?">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="(if (root($note) is $kse:principal-root) then $kse:principal-commentary-index
                           else kse:commentary-index(root($note)))(generate-id($note))"/>
  </xsl:function>

  <!-- the anchor of a note, the same in every output: its xml:id, else 'cmt-N' -->
  <xsl:function name="kse:commentary-id" as="xs:string">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="if ($note/@xml:id) then string($note/@xml:id) else 'cmt-' || kse:commentary-number($note)"/>
  </xsl:function>

  <!-- ============ languages of a note (or of any element written in several languages) ============ -->
  <!-- the primary language subtag of a node's nearest xml:lang ('' when none) -->
  <xsl:function name="kse:lang-code" as="xs:string">
    <xsl:param name="n" as="node()"/>
    <xsl:sequence select="lower-case(tokenize(string($n/ancestor-or-self::*[@xml:lang][1]/@xml:lang), '[-_]')[1])"/>
  </xsl:function>

  <!-- the languages an element is written in: those of its children with an xml:lang, in the order given;
       without such children, its own language -->
  <xsl:function name="kse:version-langs" as="xs:string*">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="parts" select="$e/*[@xml:lang]"/>
    <xsl:sequence select="if ($parts) then distinct-values($parts ! kse:lang-code(.)) else kse:lang-code($e)"/>
  </xsl:function>

  <!-- the version of $e in language $l: its children in that language (or $e itself when it has no versions) -->
  <xsl:function name="kse:version-in" as="element()*">
    <xsl:param name="e" as="element()"/>
    <xsl:param name="l" as="xs:string"/>
    <xsl:sequence select="if ($e/*[@xml:lang]) then $e/*[@xml:lang][kse:lang-code(.) = $l] else $e"/>
  </xsl:function>

  <!-- which of the languages $langs an interface in $ui shows (see the header) -->
  <xsl:function name="kse:version-lang" as="xs:string">
    <xsl:param name="langs" as="xs:string*"/>
    <xsl:param name="ui" as="xs:string"/>
    <xsl:sequence select="string(($ui[. = $langs], $kse:languages[. = $langs], 'en'[. = $langs], $langs)[1])"/>
  </xsl:function>

  <!-- the interface languages that show the version in $l of a text written in $langs -->
  <xsl:function name="kse:version-shown-for" as="xs:string*">
    <xsl:param name="langs" as="xs:string*"/>
    <xsl:param name="l" as="xs:string"/>
    <xsl:sequence select="$kse:languages[kse:version-lang($langs, .) = $l]"/>
  </xsl:function>

  <!-- ============ the passage a note comments on ============ -->
  <!-- the sentence of the reading text that ends where the note stands (the sentence around it when the note
       stands inside one: "… жаңа экономикалық саясатқа (нэп)") -->
  <xsl:function name="kse:commented-passage" as="xs:string">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="normalize-space(kse:sentence-of($note)?before)"/>
  </xsl:function>
  <!-- the note marks its own place when kse:sentence-of looks for it (otherwise a note is no text at all) -->
  <xsl:template match="tei:note[@type = 'commentary']" mode="kse:reading-text kse:diplomatic-text" priority="5">
    <xsl:param name="kse:mark" as="element()?" tunnel="yes" select="()"/>
    <xsl:if test=". is $kse:mark"><xsl:text>&#xE000;&#xE001;</xsl:text></xsl:if>
  </xsl:template>

  <!-- ============ the bibliography ============ -->
  <xsl:function name="kse:find-works" as="element()*">
    <xsl:param name="root" as="node()"/>
    <xsl:perform-sort select="$root//tei:listBibl/(tei:biblStruct | tei:bibl | tei:biblFull)[not(ancestor::tei:teiHeader)]">
      <xsl:sort select="kse:bibl-sort-key(.)"/>
    </xsl:perform-sort>
  </xsl:function>
  <xsl:variable name="kse:principal-works" as="element()*" select="kse:find-works(/)"/>

  <!-- the works of the bibliography, sorted -->
  <xsl:function name="kse:bibliography" as="element()*">
    <xsl:param name="root" as="node()"/>
    <xsl:sequence select="if (root($root) is $kse:principal-root) then $kse:principal-works else kse:find-works(root($root))"/>
  </xsl:function>

  <xsl:function name="kse:is-work" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists($e[self::tei:biblStruct or self::tei:bibl or self::tei:biblFull][parent::tei:listBibl][not(ancestor::tei:teiHeader)])"/>
  </xsl:function>

  <!-- the works a ptr or ref points to, or those the ptr/ref inside an element (a <bibl> of a note) point to -->
  <xsl:function name="kse:cited-works" as="element()*">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="for $p in $e/descendant-or-self::*[self::tei:ptr or self::tei:ref][@target],
                              $t in tokenize($p/@target)[starts-with(., '#')]
                          return key('kse:id', substring($t, 2), root($e))[1][kse:is-work(.)]"/>
  </xsl:function>

  <!-- the commentary notes that cite a work, in document order -->
  <xsl:key name="kse:cited-by" match="tei:note[@type = 'commentary']"
           use="distinct-values(.//(tei:ptr | tei:ref)/@target ! tokenize(.)[starts-with(., '#')] ! substring(., 2))"/>
  <xsl:function name="kse:citing-notes" as="element()*">
    <xsl:param name="work" as="element()"/>
    <xsl:sequence select="if ($work/@xml:id) then key('kse:cited-by', string($work/@xml:id), root($work))[kse:is-commentary(.)] else ()"/>
  </xsl:function>

  <!-- the authors of a work (of the article when it has an analytic level), else its editors -->
  <xsl:function name="kse:bibl-authors" as="element()*">
    <xsl:param name="b" as="element()"/>
    <xsl:sequence select="if (not($b/self::tei:biblStruct)) then $b/tei:author
                          else if ($b/tei:analytic[1]/tei:author) then $b/tei:analytic[1]/tei:author
                          else $b/tei:monogr[1]/tei:author"/>
  </xsl:function>
  <xsl:function name="kse:bibl-editors" as="element()*">
    <xsl:param name="b" as="element()"/>
    <xsl:sequence select="if ($b/self::tei:biblStruct) then $b/tei:monogr[1]/tei:editor else $b/tei:editor"/>
  </xsl:function>

  <!-- a name of a person or body: its surname ('' when it has no parts: a body, or a name given whole) -->
  <xsl:function name="kse:name-surname" as="xs:string">
    <xsl:param name="a" as="element()"/>
    <xsl:sequence select="normalize-space(string(($a//tei:surname)[1]))"/>
  </xsl:function>
  <xsl:function name="kse:name-family" as="xs:string">
    <xsl:param name="a" as="element()"/>
    <xsl:variable name="s" select="kse:name-surname($a)"/>
    <xsl:sequence select="if ($s) then $s else normalize-space(string-join($a//text()[not(ancestor::tei:note)], ''))"/>
  </xsl:function>
  <!-- "Surname, Forenames" ($inverted) or "Forenames Surname"; a name without parts as it stands -->
  <xsl:function name="kse:name-display" as="xs:string">
    <xsl:param name="a" as="element()"/>
    <xsl:param name="inverted" as="xs:boolean"/>
    <xsl:variable name="s" select="kse:name-surname($a)"/>
    <xsl:variable name="f" select="string-join($a//tei:forename ! normalize-space(.), ' ')"/>
    <xsl:sequence select="if ($s = '') then kse:name-family($a)
                          else if ($f = '') then $s
                          else if ($inverted) then $s || ', ' || $f else $f || ' ' || $s"/>
  </xsl:function>

  <!-- the year of a work: the first four digits of its date ('' when it has none) -->
  <xsl:function name="kse:bibl-date" as="element()?">
    <xsl:param name="b" as="element()"/>
    <xsl:sequence select="($b/tei:monogr/tei:imprint/tei:date, $b/tei:monogr/tei:date, $b/tei:analytic/tei:date, $b/tei:date, $b//tei:date[not(ancestor::tei:note)])[1]"/>
  </xsl:function>
  <xsl:function name="kse:bibl-year" as="xs:string">
    <xsl:param name="b" as="element()"/>
    <xsl:variable name="d" select="kse:bibl-date($b)"/>
    <xsl:sequence select="string((($d/(@when, @from, @notBefore), $d) ! replace(string(.), '^\D*(\d{4}).*$', '$1', 's')[matches(., '^\d{4}$')])[1])"/>
  </xsl:function>

  <!-- the title that names a work: an article's, else the book's or journal's -->
  <xsl:function name="kse:bibl-title" as="element()?">
    <xsl:param name="b" as="element()"/>
    <xsl:sequence select="($b/tei:analytic/tei:title, $b/tei:monogr/tei:title, $b/tei:title, $b//tei:title)[1]"/>
  </xsl:function>

  <!-- a label in the language $l when the interface has it, else in English (the language of cited names
       need not be an interface language: 'et al.' for German names, not the default language's word) -->
  <xsl:function name="kse:label-in" as="xs:string">
    <xsl:param name="key" as="xs:string"/>
    <xsl:param name="l" as="xs:string"/>
    <xsl:variable name="entry" select="kse:labels()($key)"/>
    <xsl:sequence select="string(($entry($l), $entry('en'), $key)[1])"/>
  </xsl:function>

  <!-- the author part of a short citation: "Cameron", "A and B", "A et al."; without authors the editors', else
       the title up to its colon -->
  <xsl:function name="kse:short-author" as="xs:string">
    <xsl:param name="b" as="element()"/>
    <xsl:variable name="who" select="if (exists(kse:bibl-authors($b))) then kse:bibl-authors($b) else kse:bibl-editors($b)"/>
    <xsl:variable name="names" select="$who ! kse:name-family(.)"/>
    <xsl:variable name="l" select="($who[1] ! kse:lang-code(.), kse:lang-code($b))[. != ''][1]"/>
    <xsl:sequence select="if (count($names) = 0) then normalize-space(substring-before(normalize-space(kse:bibl-title($b)) || ':', ':'))
                          else if (count($names) = 1) then $names
                          else if (count($names) = 2) then $names[1] || ' ' || kse:label-in('bibl-and', ($l, 'en')[1]) || ' ' || $names[2]
                          else $names[1] || ' ' || kse:label-in('bibl-et-al', ($l, 'en')[1])"/>
  </xsl:function>

  <!-- work (generate-id) -> "Cameron 2018", for every work of a document at once (the letters 2018a, 2018b
       need the other works of the same authors and year) -->
  <xsl:function name="kse:cite-table" as="map(xs:string, xs:string)">
    <xsl:param name="root" as="node()"/>
    <xsl:variable name="works" select="kse:bibliography($root)"/>
    <xsl:variable name="entries" as="map(xs:string, xs:string)*">
      <xsl:for-each-group select="$works" group-by="kse:short-author(.) || '&#xE002;' || kse:bibl-year(.)">
        <xsl:variable name="group" select="current-group()"/>
        <xsl:for-each select="$group">
          <xsl:variable name="i" select="position()"/>
          <xsl:sequence select="map{generate-id(.): normalize-space(kse:short-author(.) || ' ' || kse:bibl-year(.)
                                     || (if (count($group) gt 1) then codepoints-to-string(96 + $i) else ''))}"/>
        </xsl:for-each>
      </xsl:for-each-group>
    </xsl:variable>
    <xsl:sequence select="map:merge($entries)"/>
  </xsl:function>
  <xsl:variable name="kse:principal-cites" as="map(xs:string, xs:string)" select="kse:cite-table(/)"/>

  <!-- the short citation of a work: "Cameron 2018" -->
  <xsl:function name="kse:short-cite" as="xs:string">
    <xsl:param name="work" as="element()"/>
    <xsl:variable name="table" select="if (root($work) is $kse:principal-root) then $kse:principal-cites else kse:cite-table(root($work))"/>
    <xsl:sequence select="($table(generate-id($work)), normalize-space(kse:short-author($work) || ' ' || kse:bibl-year($work)))[1]"/>
  </xsl:function>

  <!-- a cited range: its text, else "from–to" -->
  <xsl:function name="kse:range-text" as="xs:string">
    <xsl:param name="r" as="element()"/>
    <xsl:sequence select="if (normalize-space($r)) then normalize-space($r)
                          else string-join(($r/@from, $r/@to) ! string(.), '–')"/>
  </xsl:function>

  <!-- the citation a <bibl> (or a ptr) of a note stands for: "Cameron 2018, 158–217"; '' when it cites no work -->
  <xsl:function name="kse:citation" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="works" select="kse:cited-works($e)"/>
    <xsl:variable name="ranges" select="$e//tei:citedRange ! kse:range-text(.)[. != '']"/>
    <xsl:sequence select="if (empty($works)) then ''
                          else string-join($works ! kse:short-cite(.), '; ') || (if (exists($ranges)) then ', ' || string-join($ranges, ', ') else '')"/>
  </xsl:function>

  <!-- the sort key of a work (see the header) -->
  <xsl:function name="kse:bibl-sort-key" as="xs:string">
    <xsl:param name="b" as="element()"/>
    <xsl:variable name="who" select="(kse:bibl-authors($b), kse:bibl-editors($b)[empty(kse:bibl-authors($b))])"/>
    <xsl:variable name="names" select="normalize-space(string-join($who ! (kse:name-family(.) || ' ' || string-join(.//tei:forename, ' ')), ' '))"/>
    <xsl:variable name="title" select="normalize-space(kse:bibl-title($b))"/>
    <xsl:variable name="lead" select="if ($names) then $names else $title"/>
    <xsl:variable name="cyrillic" select="matches($lead, '^\P{L}*[&#x400;-&#x52F;]')"/>
    <xsl:variable name="fold" select="function($s as xs:string) as xs:string {
        if ($cyrillic) then kse:sort-key($s) else lower-case(replace(normalize-unicode($s, 'NFD'), '\p{Mn}', '')) }"/>
    <xsl:sequence select="(if ($cyrillic) then '0' else '1') || $fold($lead) || '&#x9;' || kse:bibl-year($b) || '&#x9;' || $fold($title)"/>
  </xsl:function>

  <!-- the authors of a work as one string, to compare neighbours -->
  <xsl:function name="kse:bibl-author-key" as="xs:string">
    <xsl:param name="b" as="element()"/>
    <xsl:sequence select="string-join(kse:bibl-authors($b) ! kse:name-display(., false()), '; ')"/>
  </xsl:function>
  <!-- the same authors as the work before it in the bibliography -->
  <xsl:function name="kse:bibl-ditto" as="xs:boolean">
    <xsl:param name="b" as="element()"/>
    <xsl:variable name="works" select="kse:bibliography(root($b))"/>
    <xsl:variable name="i" select="(for $k in 1 to count($works) return $k[$works[$k] is $b])[1]"/>
    <xsl:sequence select="exists($i) and $i gt 1 and kse:bibl-author-key($b) != ''
                          and kse:bibl-author-key($works[$i - 1]) = kse:bibl-author-key($b)"/>
  </xsl:function>

  <!-- ============ a formatted reference (Chicago author-date), as parts (see the header) ============ -->
  <xsl:function name="kse:reference" as="map(*)*">
    <xsl:param name="b" as="element()"/>
    <xsl:choose>
      <xsl:when test="$b/self::tei:biblStruct"><xsl:sequence select="kse:reference-struct($b)"/></xsl:when>
      <!-- a bibl or biblFull is the editors' own formatting: its content as given -->
      <xsl:otherwise><xsl:sequence select="map{'node': $b}"/></xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <xsl:function name="kse:reference-struct" as="map(*)*">
    <xsl:param name="b" as="element()"/>
    <xsl:variable name="analytic" select="$b/tei:analytic[1]"/>
    <xsl:variable name="monogr" select="$b/tei:monogr[1]"/>
    <xsl:variable name="imprint" select="$monogr/tei:imprint[1]"/>
    <xsl:variable name="authors" select="kse:bibl-authors($b)"/>
    <xsl:variable name="editors" select="kse:bibl-editors($b)"/>
    <xsl:variable name="is-journal" select="exists($monogr/tei:title[@level = 'j'])"/>
    <xsl:variable name="scope" select="function($unit as xs:string) as xs:string? {
        ($imprint/tei:biblScope, $monogr/tei:biblScope)[@unit = $unit or ($unit = 'page' and @unit = 'pp')][1] ! kse:range-text(.) }"/>
    <xsl:variable name="year" select="kse:bibl-year($b)"/>
    <xsl:variable name="date" select="kse:bibl-date($b)"/>
    <!-- authors: "Surname, Forenames", then "Forenames Surname", and the last joined by 'and' -->
    <xsl:variable name="lead" as="map(*)*">
      <xsl:variable name="who" select="if ($authors) then $authors else $editors"/>
      <xsl:for-each select="$who">
        <xsl:variable name="i" select="position()"/>
        <xsl:if test="$i gt 1">
          <xsl:sequence select="if ($i lt last()) then map{'text': ', '}
                                else (map{'label': 'bibl-serial-comma'}[$i gt 2], map{'text': ' '}, map{'label': 'bibl-and'}, map{'text': ' '})"/>
        </xsl:if>
        <xsl:sequence select="map{'text': kse:name-display(., $i = 1), 'role': 'authors', 'lang': kse:lang-code(.)}"/>
      </xsl:for-each>
      <xsl:if test="empty($authors) and exists($editors)">
        <xsl:sequence select="(map{'text': ', '}, map{'label': if (count($editors) gt 1) then 'bibl-eds' else 'bibl-ed'})"/>
      </xsl:if>
    </xsl:variable>
    <xsl:variable name="main-title" select="($analytic/tei:title, $monogr/tei:title)[1]"/>
    <!-- the lead (names and what joins them) is marked, for a target that prints a dash for repeated authors -->
    <xsl:sequence select="$lead ! map:put(., 'lead', true()), kse:stop($lead)"/>
    <xsl:if test="$year != ''"><xsl:sequence select="map{'text': $year, 'role': 'year'}, map{'text': '. '}"/></xsl:if>
    <xsl:choose>
      <xsl:when test="$analytic">
        <xsl:sequence select="kse:title-part($analytic/tei:title[1], 'quoted'), map{'text': '. '}"/>
        <xsl:choose>
          <xsl:when test="$is-journal">
            <xsl:variable name="vol" select="$scope('volume')"/>
            <xsl:variable name="issue" select="$scope('issue')"/>
            <xsl:variable name="pages" select="$scope('page')"/>
            <xsl:sequence select="kse:title-part($monogr/tei:title[1], 'italic')"/>
            <xsl:choose>
              <xsl:when test="$vol">
                <xsl:sequence select="map{'text': ' ' || $vol || ($issue ! (' (' || . || ')'))}"/>
              </xsl:when>
              <xsl:when test="$issue">
                <xsl:sequence select="map{'text': ', '}, map{'label': 'bibl-no'}, map{'text': '&#xA0;' || $issue}"/>
              </xsl:when>
            </xsl:choose>
            <xsl:if test="$pages"><xsl:sequence select="map{'text': ': ' || $pages}"/></xsl:if>
            <xsl:sequence select="map{'text': '.'}"/>
          </xsl:when>
          <xsl:otherwise>
            <!-- a chapter, or an entry of an encyclopedia: "In Book, edited by …, pages. Place: Publisher." -->
            <xsl:sequence select="map{'label': 'bibl-in'}, map{'text': ' '}, kse:title-part($monogr/tei:title[1], 'italic')"/>
            <xsl:if test="$editors">
              <xsl:sequence select="map{'text': ', '}, map{'label': 'bibl-edited-by'}, map{'text': ' '}, kse:names($editors)"/>
            </xsl:if>
            <xsl:if test="$scope('page')"><xsl:sequence select="map{'text': ', ' || $scope('page')}"/></xsl:if>
            <xsl:sequence select="map{'text': '. '}, kse:resp-parts($monogr), kse:series-parts($b), kse:imprint-parts($imprint, $year)"/>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:when>
      <xsl:otherwise>
        <xsl:sequence select="kse:title-part($monogr/tei:title[1], 'italic'), kse:stop-after($monogr/tei:title[1])"/>
        <xsl:if test="$authors and $editors">
          <xsl:sequence select="map{'label': 'bibl-edited-by-cap'}, map{'text': ' '}, kse:names($editors), map{'text': '. '}"/>
        </xsl:if>
        <xsl:for-each select="$monogr/tei:edition"><xsl:sequence select="map{'text': normalize-space(.), 'lang': kse:lang-code(.)}, map{'text': '. '}"/></xsl:for-each>
        <xsl:sequence select="kse:resp-parts($monogr), kse:series-parts($b), kse:imprint-parts($imprint, $year)"/>
      </xsl:otherwise>
    </xsl:choose>
    <!-- links: a DOI as https://doi.org/…, else (Chicago: the DOI rather than a URL) a URL of the web; nothing else
         becomes a link -->
    <xsl:variable name="dois" select="distinct-values(($analytic, $monogr, $b)/tei:idno[lower-case(@type) = 'doi'] ! normalize-space(.)[matches(., '^10\.\d{4,9}/\S+$')])"/>
    <xsl:for-each select="$dois">
      <xsl:variable name="href" select="'https://doi.org/' || iri-to-uri(.)"/>
      <xsl:sequence select="map{'text': ' '}, map{'href': $href, 'text': $href}, map{'text': '.'}"/>
    </xsl:for-each>
    <xsl:for-each select="distinct-values((($analytic, $monogr, $b)/tei:idno[lower-case(@type) = ('uri', 'url')], ($analytic, $monogr, $b)/tei:ptr/@target) ! normalize-space(.)[matches(., '^https?://[^\s&lt;&gt;&quot;]+$', 'i')])[empty($dois)]">
      <xsl:sequence select="map{'text': ' '}, map{'href': ., 'text': .}, map{'text': '.'}"/>
    </xsl:for-each>
  </xsl:function>

  <!-- a title as a part, in its language -->
  <xsl:function name="kse:title-part" as="map(*)*">
    <xsl:param name="t" as="element()?"/>
    <xsl:param name="style" as="xs:string"/>
    <xsl:sequence select="$t ! map{'text': normalize-space(.), 'style': $style, 'role': 'title', 'lang': kse:lang-code(.)}"/>
  </xsl:function>
  <!-- '. ' after a list of names, none when the last ends with a full stop ("Ж. Б.") -->
  <xsl:function name="kse:stop" as="map(*)*">
    <xsl:param name="parts" as="map(*)*"/>
    <xsl:variable name="last" select="string($parts[last()]?text)"/>
    <xsl:sequence select="if (empty($parts)) then () else map{'text': if (matches($last, '[.!?]$')) then ' ' else '. '}"/>
  </xsl:function>
  <xsl:function name="kse:stop-after" as="map(*)*">
    <xsl:param name="e" as="element()?"/>
    <xsl:sequence select="if (empty($e)) then () else map{'text': if (matches(normalize-space($e), '[.!?]$')) then ' ' else '. '}"/>
  </xsl:function>
  <!-- names in reading order, the last joined by 'and' -->
  <xsl:function name="kse:names" as="map(*)*">
    <xsl:param name="who" as="element()*"/>
    <xsl:for-each select="$who">
      <xsl:if test="position() gt 1">
        <xsl:sequence select="if (position() lt last()) then map{'text': ', '} else (map{'text': ' '}, map{'label': 'bibl-and'}, map{'text': ' '})"/>
      </xsl:if>
      <xsl:sequence select="map{'text': kse:name-display(., false()), 'lang': kse:lang-code(.)}"/>
    </xsl:for-each>
  </xsl:function>
  <!-- "Translated by Cynthia Klohr. ": the respStmt of the book as the TEI words it -->
  <xsl:function name="kse:resp-parts" as="map(*)*">
    <xsl:param name="monogr" as="element()?"/>
    <xsl:for-each select="$monogr/tei:respStmt">
      <xsl:variable name="resp" select="normalize-space(tei:resp[1])"/>
      <xsl:sequence select="map{'text': upper-case(substring($resp, 1, 1)) || substring($resp, 2) || ' ', 'lang': kse:lang-code(tei:resp[1])},
                            kse:names((tei:name | tei:persName | tei:orgName)), map{'text': '. '}"/>
    </xsl:for-each>
  </xsl:function>
  <xsl:function name="kse:series-parts" as="map(*)*">
    <xsl:param name="b" as="element()"/>
    <xsl:for-each select="$b/tei:series[tei:title]">
      <xsl:sequence select="map{'text': normalize-space(tei:title[1]) || (tei:biblScope[1] ! (' ' || kse:range-text(.))), 'lang': kse:lang-code(tei:title[1])},
                            map{'text': '. '}"/>
    </xsl:for-each>
  </xsl:function>
  <!-- "Place: Publisher" and, when the date is more precise than the year, the date: "Paris: Sciences Po, 28 September 2013." -->
  <xsl:function name="kse:imprint-parts" as="map(*)*">
    <xsl:param name="imprint" as="element()?"/>
    <xsl:param name="year" as="xs:string"/>
    <xsl:variable name="place" select="$imprint/tei:pubPlace[1]"/>
    <xsl:variable name="publisher" select="$imprint/tei:publisher[1]"/>
    <xsl:variable name="date" select="$imprint/tei:date[1][matches(string((@when, @from, @notBefore)[1]), '^\d{4}-\d{2}')]"/>
    <xsl:sequence select="$place ! map{'text': normalize-space(.), 'lang': kse:lang-code(.)},
                          if ($place and $publisher) then map{'text': ': '} else (),
                          $publisher ! map{'text': normalize-space(.), 'lang': kse:lang-code(.)},
                          if ($date and ($place or $publisher)) then map{'text': ', '} else (),
                          $date ! map{'date': .},
                          if ($place or $publisher or $date) then map{'text': '.'} else ()"/>
  </xsl:function>

  <!-- ============ the fates of persons (register) ============ -->
  <xsl:function name="kse:fates" as="element()*">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="$entry/(tei:event | tei:death[normalize-space() or *])"/>
  </xsl:function>
  <xsl:function name="kse:fate-key" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="key" select="'fate-' || (if ($e/self::tei:death) then 'death' else lower-case(string($e/@type)))"/>
    <xsl:sequence select="if (exists(kse:labels()($key))) then $key else 'fate-event'"/>
  </xsl:function>
</xsl:stylesheet>
