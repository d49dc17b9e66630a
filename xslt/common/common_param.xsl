<?xml version="1.0" encoding="UTF-8"?>
<!--
  common_param.xsl — parameters of the shared layer. Every target sees them; `tools build` with param NAME=VALUE
  sets them. Values are strings (the CLI passes strings); each has a one-line doc.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  exclude-result-prefixes="#all">
  <!-- languages (languages): the interface languages, space-separated, the default first (labels in xslt/common/labels/LANG.json;
       the builder passes the project file's [interface] languages). -->
  <xsl:param name="languages" as="xs:string" select="'kk en ru'"/>
  <!-- lang (language): the default interface language (labels, date formats); the first of `languages` unless set. -->
  <xsl:param name="lang" as="xs:string" select="(tokenize($languages)[1], 'en')[1]"/>
  <!-- show-residue (yes|no): include the div[@type='residue'] (web-page residue of the witness) in the text. -->
  <xsl:param name="show-residue" as="xs:string" select="'no'"/>
  <!-- source-href (url): relative link to the downloadable copy of the TEI source ('' = no download link). -->
  <xsl:param name="source-href" as="xs:string" select="''"/>
  <!-- witness-siglum (text): the siglum of the witness (the web copy) in apparatus entries and lists of sigla. -->
  <xsl:param name="witness-siglum" as="xs:string" select="'W'"/>
  <!-- base-witness (id): the id of the witness whose reading is the lemma of an app without <lem> ('' = the first
       witness of listWit). -->
  <xsl:param name="base-witness" as="xs:string" select="''"/>
  <!-- edition-url (url): public address of the edition, used in the citation suggestion ('' = none). -->
  <xsl:param name="edition-url" as="xs:string" select="''"/>
</xsl:stylesheet>
