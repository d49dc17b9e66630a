<?xml version="1.0" encoding="UTF-8"?>
<!--
  print_param.xsl — parameters of the print target (the shared ones — lang, show-residue, witness-siglum … — are in
  ../common/common_param.xsl). Values are strings; the CLI option "param NAME=VALUE" may set them. The paper
  size and the setting (justified or ragged) are not stylesheet parameters: they are the template's data,
  passed to Typst by tools/targets/pdf.py (option paper).
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  exclude-result-prefixes="#all">
  <!-- indexes (space-separated: persons places orgs): the indexes to print. The organisations are already
       expanded in the list of abbreviations; their index adds some five pages. -->
  <xsl:param name="indexes" as="xs:string" select="'persons places'"/>
  <!-- apparatus-key (paragraph|line): what an apparatus entry is keyed to — the paragraph number ("¶ 6"),
       or, as printed critical editions do, the line of the page (lines numbered in the margin). -->
  <xsl:param name="apparatus-key" as="xs:string" select="'paragraph'"/>
  <!-- typeface (text): the family named in the colophon (the template sets the face itself). -->
  <xsl:param name="typeface" as="xs:string" select="'Noto Serif'"/>
</xsl:stylesheet>
