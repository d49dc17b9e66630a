<?xml version="1.0" encoding="UTF-8"?>
<!--
  print_param.xsl — parameters of the print target (the shared ones — lang, show-residue, witness-siglum … — are in
  ../common/common_param.xsl). Values are strings; tools/build_pdf.py sets part, page-map and front-pages itself,
  the CLI option "param NAME=VALUE" may set the others.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  exclude-result-prefixes="#all">
  <!-- part (all|front|text|back): which part of the book to write. build_pdf lays out 'front' (title page to
       the chronology, roman page numbers) beside 'text', then 'back' (indexes, contents) with the page numbers
       it measured. -->
  <xsl:param name="part" as="xs:string" select="'all'"/>
  <!-- page-map (text): "anchor page anchor page …", the page of every anchor of the text, as laid out by the
       renderer. Empty: the indexes fall back to CSS target-counter() (one number per occurrence). -->
  <xsl:param name="page-map" as="xs:string" select="''"/>
  <!-- front-pages (text): "anchor page …", the page of every anchor of the front matter (printed in roman numerals),
       for the contents of part=back. -->
  <xsl:param name="front-pages" as="xs:string" select="''"/>
  <!-- indexes (space-separated: persons places orgs): the indexes to print. The organisations are already
       expanded in the list of abbreviations; their index adds some five pages and half a second of layout. -->
  <xsl:param name="indexes" as="xs:string" select="'persons places'"/>
  <!-- typeface (text): the family named in the colophon (the CSS sets the face itself). -->
  <xsl:param name="typeface" as="xs:string" select="'Noto Serif'"/>
</xsl:stylesheet>
