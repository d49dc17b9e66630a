<?xml version="1.0" encoding="UTF-8"?>
<!--
  html_param.xsl — parameters of the HTML target (the common ones are in ../common/common_param.xsl).
  Set with `tools build html` and param NAME=VALUE; all values are strings.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  exclude-result-prefixes="#all">
  <!-- default-view (reading|diplomatic|apparatus): the view of text.html when the page opens. -->
  <xsl:param name="default-view" as="xs:string" select="'reading'"/>
  <!-- line-numbers-every (integer): verse lines show their number when it is a multiple of this (0 = never). -->
  <xsl:param name="line-numbers-every" as="xs:string" select="'5'"/>
  <!-- build-date (date): the date printed in the footer ('' = none; the builder passes today's date). -->
  <xsl:param name="build-date" as="xs:string" select="''"/>
  <!-- other-scripts (yes|no): a page of the reading text in each other script its language is written in, when
       a language pack offers one (Kazakh: the Latin alphabet of 2021), and the names of the registers in it. -->
  <xsl:param name="other-scripts" as="xs:string" select="'yes'"/>
  <!-- pdf-href (url): set by the builder, not by a parameter of the command line: the relative URL of the print edition of this document, when it is built
       into the same output folder ('' = none: no link). -->
  <xsl:param name="pdf-href" as="xs:string" select="''"/>
  <!-- script-data (text): set by the builder (tools/targets/html.py, script_data), not by a parameter of the command line: the words of the text in those
       scripts and the letter tables, as JSON ('' = none). -->
  <xsl:param name="script-data" as="xs:string" select="''"/>
</xsl:stylesheet>
