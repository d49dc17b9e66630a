<?xml version="1.0" encoding="UTF-8"?>
<!--
  print_math.xsl — MathML (presentation markup, in <formula> or anywhere in the text) set as Typst math.

  HOW: kp:math($node) turns a MathML node into one Typst *code* expression built only of calls of Typst's
  math functions (math.attach, math.frac, math.sqrt, math.root, math.mat, math.lr, math.class …) whose
  text arguments are string literals made by kp:str(): no token of the MathML is ever read as Typst syntax.
  A row is an array of expressions joined ((a, b).join()), so no whitespace of the source becomes a space
  of the formula. The formula itself is k.formula(alt, block, expr): an inline or display equation with its
  text as alternative text (PDF/UA requires one for every formula).
  Mapped: math, mrow, mstyle, mpadded, merror, mphantom, semantics (its first child), mi (one letter italic,
  more upright, as MathML says; mathvariant normal/bold/italic), mn, mo (with its class: relation, binary
  operator, large operator, fence, punctuation), mtext, ms, mspace, msup, msub, msubsup, mover, munder,
  munderover, mfrac, msqrt, mroot, mfenced, mtable/mtr/mtd. Annotations are dropped. Anything else —
  another MathML element, or an element of another vocabulary inside the math (HTML's script or img, say) —
  is set as its plain text, upright. Attributes other than mathvariant, display, width, open, close and
  separators are ignored: a MathML link (href) is never a link in the PDF, so nothing in a formula can act.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:m="http://www.w3.org/1998/Math/MathML"
  xmlns:kp="urn:kse:print"
  exclude-result-prefixes="#all">

  <!-- a formula in the text: its MathML as math, anything else as its text -->
  <xsl:template match="tei:formula[m:math]" mode="kp:inline kp:note">
    <xsl:sequence select="m:math ! kp:formula(.)"/>
  </xsl:template>
  <xsl:template match="m:math" mode="kp:inline kp:note">
    <xsl:sequence select="kp:formula(.)"/>
  </xsl:template>

  <xsl:function name="kp:formula" as="xs:string">
    <xsl:param name="math" as="element(m:math)"/>
    <xsl:variable name="alt" select="kp:math-text($math)"/>
    <xsl:sequence select="if ($alt = '') then ''
        else '#k.formula(' || kp:str($alt) || ', ' || ($math/@display = 'block') || ', ' || kp:math($math) || ')'"/>
  </xsl:function>

  <!-- the plain text of a formula, tokens parted by spaces (the alternative text) -->
  <xsl:function name="kp:math-text" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="normalize-space(string-join($e//text()[not(ancestor::m:annotation or ancestor::m:annotation-xml)]
                          ! kp:math-string(.), ' '))"/>
  </xsl:function>
  <!-- the text of a token: whitespace collapsed, soft hyphens (added for the running text) gone -->
  <xsl:function name="kp:math-string" as="xs:string">
    <xsl:param name="s" as="xs:string?"/>
    <xsl:sequence select="normalize-space(replace(string($s), '&#xAD;', ''))"/>
  </xsl:function>

  <!-- a row of MathML nodes as one expression (none: an empty content block) -->
  <xsl:function name="kp:math-row" as="xs:string">
    <xsl:param name="nodes" as="node()*"/>
    <xsl:variable name="items" select="$nodes ! kp:math(.)[. != '']"/>
    <xsl:sequence select="if (empty($items)) then '[]' else if (count($items) = 1) then $items
                          else '(' || string-join($items, ', ') || ').join()'"/>
  </xsl:function>
  <!-- the n-th child element of a schema-fixed element (msup, mfrac …), as an expression -->
  <xsl:function name="kp:math-arg" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:param name="n" as="xs:integer"/>
    <xsl:sequence select="($e/*[$n] ! kp:math(.)[. != ''], '[]')[1]"/>
  </xsl:function>

  <!-- the classes of operators, for their spacing -->
  <xsl:variable name="kp:relations" select="string-to-codepoints('=&lt;&gt;≤≥≠≈≡∼≃≅∝∈∉⊂⊃⊆⊇→←↔⇒⇐⇔↦∣∥⊥≪≫:')"/>
  <xsl:variable name="kp:binaries" select="string-to-codepoints('+−-×·∗±∓÷∘∩∪∧∨⊕⊗')"/>
  <xsl:variable name="kp:larges" select="string-to-codepoints('∑∏∐∫∬∭∮⋃⋂⋁⋀')"/>
  <xsl:function name="kp:mo-class" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:variable name="c" select="string-to-codepoints($s)"/>
    <xsl:sequence select="if (count($c) != 1) then 'normal'
        else if ($c = $kp:relations) then 'relation' else if ($c = $kp:binaries) then 'binary'
        else if ($c = $kp:larges) then 'large' else if ($s = ('(', '[', '{', '⟨', '⌊', '⌈')) then 'opening'
        else if ($s = (')', ']', '}', '⟩', '⌋', '⌉')) then 'closing' else if ($s = ('|', '‖')) then 'fence'
        else if ($s = (',', ';')) then 'punctuation' else 'normal'"/>
  </xsl:function>

  <!-- named and measured widths of mspace (MathML 3), else none -->
  <xsl:function name="kp:math-space" as="xs:string">
    <xsl:param name="w" as="xs:string?"/>
    <xsl:variable name="named" select="map{'veryverythinmathspace': '0.0556em', 'verythinmathspace': '0.1111em',
        'thinmathspace': '0.1667em', 'mediummathspace': '0.2222em', 'thickmathspace': '0.2778em',
        'verythickmathspace': '0.3333em', 'veryverythickmathspace': '0.3889em'}"/>
    <xsl:variable name="v" select="normalize-space($w)"/>
    <xsl:sequence select="if (map:contains($named, $v)) then 'h(' || $named($v) || ')'
        else if (matches($v, '^\d{1,3}(\.\d{1,4})?(em|pt|mm)$')) then 'h(' || $v || ')' else ''"/>
  </xsl:function>

  <!-- one MathML node as a Typst code expression ('' when it prints nothing) -->
  <xsl:function name="kp:math" as="xs:string">
    <xsl:param name="n" as="node()"/>
    <xsl:variable name="text" select="kp:math-string(string($n))"/>
    <xsl:variable name="variant" select="string($n/@mathvariant)"/>
    <xsl:sequence select="
      if ($n instance of text()) then (if ($text = '') then '' else 'math.upright(' || kp:str($text) || ')')
      else if (not($n instance of element())) then ''
      else if ($n/self::m:annotation or $n/self::m:annotation-xml) then ''
      else if ($n/self::m:math or $n/self::m:mrow or $n/self::m:mstyle or $n/self::m:mpadded or $n/self::m:merror)
        then kp:math-row($n/node())
      else if ($n/self::m:semantics) then kp:math-row($n/*[1])
      else if ($n/self::m:mphantom) then 'hide(' || kp:math-row($n/node()) || ')'
      else if ($n/self::m:mi) then
        (if ($text = '') then ''
         else if ($variant = 'bold') then 'math.bold(math.upright(' || kp:str($text) || '))'
         else if ($variant = ('bold-italic')) then 'math.bold(math.italic(' || kp:str($text) || '))'
         else if ($variant = 'italic' or ($variant = '' and string-length($text) = 1)) then 'math.italic(' || kp:str($text) || ')'
         else 'math.upright(' || kp:str($text) || ')')
      else if ($n/self::m:mn or $n/self::m:mtext or $n/self::m:ms) then
        (if ($text = '') then '' else 'math.upright(' || kp:str(if ($n/self::m:ms) then '&quot;' || $text || '&quot;' else $text) || ')')
      else if ($n/self::m:mo) then
        (if ($text = '') then '' else 'math.class(' || kp:str(kp:mo-class($text)) || ', math.upright(' || kp:str($text) || '))')
      else if ($n/self::m:mspace) then kp:math-space($n/@width)
      else if ($n/self::m:msup) then 'math.attach(' || kp:math-arg($n, 1) || ', t: ' || kp:math-arg($n, 2) || ')'
      else if ($n/self::m:msub) then 'math.attach(' || kp:math-arg($n, 1) || ', b: ' || kp:math-arg($n, 2) || ')'
      else if ($n/self::m:msubsup) then 'math.attach(' || kp:math-arg($n, 1) || ', b: ' || kp:math-arg($n, 2) || ', t: ' || kp:math-arg($n, 3) || ')'
      else if ($n/self::m:mover) then 'math.attach(math.limits(' || kp:math-arg($n, 1) || '), t: ' || kp:math-arg($n, 2) || ')'
      else if ($n/self::m:munder) then 'math.attach(math.limits(' || kp:math-arg($n, 1) || '), b: ' || kp:math-arg($n, 2) || ')'
      else if ($n/self::m:munderover) then 'math.attach(math.limits(' || kp:math-arg($n, 1) || '), b: ' || kp:math-arg($n, 2) || ', t: ' || kp:math-arg($n, 3) || ')'
      else if ($n/self::m:mfrac) then 'math.frac(' || kp:math-arg($n, 1) || ', ' || kp:math-arg($n, 2) || ')'
      else if ($n/self::m:msqrt) then 'math.sqrt(' || kp:math-row($n/node()) || ')'
      else if ($n/self::m:mroot) then 'math.root(' || kp:math-arg($n, 2) || ', ' || kp:math-arg($n, 1) || ')'
      else if ($n/self::m:mfenced) then
        let $open := kp:math-string(($n/@open, '(')[1]), $close := kp:math-string(($n/@close, ')')[1]),
            $seps := (string-to-codepoints(translate(string(($n/@separators, ',')[1]), ' ', ''))[1] ! codepoints-to-string(.), ',')[1]
        return 'math.lr(' || kp:math-row-items((
              ('math.upright(' || kp:str($open) || ')')[$open != ''],
              for $i in 1 to count($n/*) return (kp:math($n/*[$i])[. != ''],
                  ('math.class(&quot;punctuation&quot;, math.upright(' || kp:str($seps) || '))')[$i lt count($n/*)]),
              ('math.upright(' || kp:str($close) || ')')[$close != ''])) || ')'
      else if ($n/self::m:mtable) then
        (if (empty($n/m:mtr/m:mtd)) then ''
         else 'math.mat(delim: none, ' || string-join($n/m:mtr[m:mtd] ! (let $cells := m:mtd ! kp:math-row(node())
            return '(' || string-join($cells, ', ') || (','[count($cells) = 1]) || ')'), ', ') || ')')
      else if ($text = '') then ''
      else 'math.upright(' || kp:str($text) || ')'"/>
  </xsl:function>
  <xsl:function name="kp:math-row-items" as="xs:string">
    <xsl:param name="items" as="xs:string*"/>
    <xsl:sequence select="if (empty($items)) then '[]' else if (count($items) = 1) then $items
                          else '(' || string-join($items, ', ') || ').join()'"/>
  </xsl:function>
</xsl:stylesheet>
