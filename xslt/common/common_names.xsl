<?xml version="1.0" encoding="UTF-8"?>
<!--
  common_names.xsl — registers: from a tagged name to its entry, from an entry to its occurrences.

  ALGORITHM. Two keys do all lookups (never a // search per name): kse:id (any element by xml:id) and
  kse:ref (names by the id their @ref points to; only local pointers "#id" are followed). Entries are the
  person/personGrp, place and org elements anywhere in the document (standOff, back, particDesc…).
  Occurrence anchors are "<id>-<k>" (k-th occurrence of that id in document order): stable as long as
  the text before them does not change, and readable in a URL.
  SHARED REGISTERS. A corpus keeps its registers in a TEI file of the project (tools/core/registers.py) and
  its documents point into it with a relative URI, @ref="registers.xml#pers.x". The builders pass those
  registers as one TEI document, the parameter `registers` (set by the builders only, hence declared here and
  not in common_param.xsl); a pointer with a file part is looked up there, a local one ("#x") in the
  document. Which file a pointer names is checked by `tools validate` (tools/core/crossrefs.py), not here.
  A shared entry's occurrences are those of the document being transformed ($kse:principal-root).
  Sorting follows the Kazakh alphabet (а ә б в г ғ д е ё ж з и й к қ л м н ң о ө п р с т у ұ ү ф х һ ц
  ч ш щ ъ ы і ь э ю я), via kse:sort-key, since codepoint order would put ә … і after я.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:kse="urn:kse:xslt"
  exclude-result-prefixes="#all">

  <xsl:param name="registers" as="document-node()?" select="()"/>

  <xsl:key name="kse:id" match="*[@xml:id]" use="string(@xml:id)"/>
  <xsl:key name="kse:ref" match="tei:text//*[@ref]" use="for $t in tokenize(@ref) return substring-after($t, '#')[. != '']"/>

  <xsl:function name="kse:ref-id" as="xs:string?">
    <xsl:param name="name" as="element()"/>
    <xsl:sequence select="(for $t in tokenize($name/@ref) return substring-after($t, '#')[. != ''])[1]"/>
  </xsl:function>

  <xsl:function name="kse:entry" as="element()?">
    <xsl:param name="name" as="element()"/>
    <xsl:variable name="pointer" select="(tokenize($name/@ref)[substring-after(., '#') != ''])[1]"/>
    <xsl:variable name="id" select="substring-after($pointer, '#')"/>
    <xsl:variable name="where" select="if (starts-with($pointer, '#')) then root($name) else $registers"/>
    <xsl:sequence select="if ($id and exists($where)) then key('kse:id', $id, $where)[1]
                            [self::tei:person or self::tei:personGrp or self::tei:place or self::tei:org] else ()"/>
  </xsl:function>

  <!-- the entries of the shared registers that the text of $root points to -->
  <xsl:function name="kse:shared-entries" as="element()*">
    <xsl:param name="root" as="node()"/>
    <xsl:sequence select="if (empty($registers)) then () else
        (for $id in distinct-values($root//tei:text//@ref ! tokenize(.)[not(starts-with(., '#'))] ! substring-after(., '#')[. != ''])
         return key('kse:id', $id, $registers)[1])[self::tei:person or self::tei:personGrp or self::tei:place or self::tei:org]"/>
  </xsl:function>

  <xsl:function name="kse:register-kind" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="if ($entry/self::tei:person or $entry/self::tei:personGrp) then 'persons'
                          else if ($entry/self::tei:place) then 'places'
                          else if ($entry/self::tei:org) then 'orgs' else 'other'"/>
  </xsl:function>

  <xsl:function name="kse:entry-name" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:param name="lang" as="xs:string"/>
    <xsl:variable name="names" select="$entry/(tei:persName | tei:placeName | tei:orgName | tei:name)"/>
    <xsl:variable name="chosen" select="(
        $names[$lang = 'en'][@xml:lang = 'en'],
        $names[@type = ('normalized', 'full', 'reg', 'main')][not(@xml:lang) or @xml:lang != 'en'],
        $names[not(@type)][not(@xml:lang) or @xml:lang != 'en'],
        $names)[1]"/>
    <xsl:sequence select="if ($chosen) then normalize-space($chosen) else string($entry/@xml:id)"/>
  </xsl:function>

  <xsl:function name="kse:entry-variants" as="xs:string*">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="main" select="kse:entry-name($entry, 'kk')"/>
    <xsl:sequence select="distinct-values($entry/(tei:persName | tei:placeName | tei:orgName | tei:name)
        [@type = ('variant', 'abbr', 'alt')] ! normalize-space(.))[. != $main]"/>
  </xsl:function>

  <xsl:function name="kse:entry-role" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:param name="lang" as="xs:string"/>
    <xsl:variable name="en" select="$entry/(tei:placeName | tei:orgName)[@xml:lang = 'en'][1]"/>
    <xsl:sequence select="string-join((
        if ($lang != 'en') then $en ! normalize-space(.) else (),
        $entry/(tei:occupation | tei:roleName | tei:state | tei:desc | tei:note) ! normalize-space(.)), '. ')"/>
  </xsl:function>

  <xsl:function name="kse:entry-life" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="b" select="$entry/tei:birth/(@when, @notBefore, @from)[1] ! substring(., 1, 4)"/>
    <xsl:variable name="d" select="$entry/tei:death/(@when, @notBefore, @from)[1] ! substring(., 1, 4)"/>
    <xsl:sequence select="if ($b or $d) then (($b, '?')[1] || '–' || ($d, '')[1]) else ''"/>
  </xsl:function>

  <xsl:function name="kse:occurrences" as="element()*">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="key('kse:ref', string($entry/@xml:id), if (root($entry) is $registers) then $kse:principal-root else root($entry))
                          [$show-residue = 'yes' or empty(ancestor::tei:div[@type = 'residue'])]"/>
  </xsl:function>

  <!-- the k of every tagged name, computed once per document (counting the earlier occurrences of each name
       would make a register of frequent names quadratic) -->
  <xsl:function name="kse:occurrence-id" as="xs:string">
    <xsl:param name="name" as="element()"/>
    <xsl:variable name="id" select="kse:ref-id($name)"/>
    <xsl:variable name="index" select="if (root($name) is $kse:principal-root) then $kse:principal-occurrences
                                       else kse:occurrence-index(root($name))"/>
    <xsl:sequence select="if ($id) then $id || '-' || ($index(generate-id($name)), 1)[1] else 'n-' || generate-id($name)"/>
  </xsl:function>
  <xsl:function name="kse:occurrence-index" as="map(xs:string, xs:integer)">
    <xsl:param name="doc" as="node()"/>
    <xsl:variable name="names" select="$doc//tei:text//*[@ref]"/>
    <xsl:sequence select="map:merge(for $id in distinct-values($names ! kse:ref-id(.))
                          return (let $all := key('kse:ref', $id, $doc)
                                  return for $i in 1 to count($all) return map{generate-id($all[$i]): $i}),
                          map{'duplicates': 'use-first'})"/>
  </xsl:function>
  <xsl:variable name="kse:principal-occurrences" as="map(xs:string, xs:integer)" select="kse:occurrence-index(/)"/>

  <xsl:variable name="kse:alphabet" as="xs:integer*"
    select="string-to-codepoints('аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя')"/>

  <xsl:function name="kse:sort-key" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:sequence select="codepoints-to-string(for $c in string-to-codepoints(lower-case($s))
        return (for $i in index-of($kse:alphabet, $c) return 57344 + $i, $c)[1])"/>
  </xsl:function>

  <!-- The name a register is ordered by: persons by surname (a <surname> if encoded, else the last word
       of the normalized name: "Ә. Т. Жанкелдин" files under Ж), everything else by its normalized name. -->
  <xsl:function name="kse:entry-sort-name" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="name" select="normalize-space(kse:entry-name($entry, 'kk'))"/>
    <xsl:variable name="surname" select="normalize-space(string(($entry/tei:persName//tei:surname)[1]))"/>
    <xsl:variable name="words" select="tokenize($name, ' ')"/>
    <xsl:sequence select="if (not($entry/self::tei:person)) then $name
                          else if ($surname) then $surname || ' ' || $name
                          else string-join(($words[last()], $words[position() lt last()]), ' ')"/>
  </xsl:function>

  <!-- The heading of an entry in an index: persons inverted to "Surname, Forenames" (the surname as
       kse:entry-sort-name finds it: an encoded <surname>, else the last word), everything else its name. -->
  <xsl:function name="kse:entry-heading" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="name" select="normalize-space(kse:entry-name($entry, 'kk'))"/>
    <xsl:variable name="surname" select="normalize-space(string(($entry/tei:persName//tei:surname)[1]))"/>
    <xsl:variable name="words" select="tokenize($name, ' ')"/>
    <xsl:variable name="rest" select="if ($surname and contains($name, $surname))
                                      then normalize-space(replace($name, $surname, '', 'q'))
                                      else string-join($words[position() lt last()], ' ')"/>
    <xsl:sequence select="if (not($entry/self::tei:person) or count($words) lt 2) then $name
                          else (if ($surname) then $surname else $words[last()]) || (', ' || $rest)[$rest]"/>
  </xsl:function>

  <!-- One entry per xml:id, in the order given: an entry of the shared registers before a document's own entry
       with its id, else the first document's (the rule of identity of tools/targets/corpus.py for the HTML
       corpus; a book of the corpus, print_book.xsl, lists each person once across its chapters). -->
  <xsl:function name="kse:distinct-entries" as="element()*">
    <xsl:param name="entries" as="element()*"/>
    <xsl:for-each-group select="$entries" group-by="string(@xml:id)">
      <xsl:sequence select="(current-group()[exists($registers) and root(.) is $registers], current-group())[1]"/>
    </xsl:for-each-group>
  </xsl:function>

  <xsl:function name="kse:entries" as="element()*">
    <xsl:param name="root" as="node()"/>
    <xsl:param name="kind" as="xs:string"/>
    <xsl:perform-sort select="($root//(tei:person | tei:personGrp | tei:place | tei:org) | kse:shared-entries($root))[kse:register-kind(.) = $kind]">
      <xsl:sort select="kse:sort-key(kse:entry-sort-name(.))"/>
    </xsl:perform-sort>
  </xsl:function>
</xsl:stylesheet>
