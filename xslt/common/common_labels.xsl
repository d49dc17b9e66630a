<?xml version="1.0" encoding="UTF-8"?>
<!--
  common_labels.xsl — every interface label, in Kazakh and English, in one table.

  The table is a map key -> map{'kk': …, 'en': …}; kse:label($key, $lang) looks a label up (falling back to
  English, then to the key itself, so a missing label shows up in the output instead of failing).
  Targets add or override labels by overriding the variable kse:label-table (import precedence), e.g.
    <xsl:variable name="kse:label-table" select="map:merge(($kse:common-labels, map{…}), map{'duplicates':'use-last'})"/>
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:kse="urn:kse:xslt"
  exclude-result-prefixes="#all">

  <xsl:variable name="kse:common-labels" as="map(xs:string, map(xs:string, xs:string))" select="map{
    'edition':        map{'kk': 'Ғылыми-сыни басылым',          'en': 'Critical edition'},
    'home':           map{'kk': 'Басты бет',                     'en': 'Title page'},
    'text':           map{'kk': 'Мәтін',                         'en': 'Text'},
    'view':           map{'kk': 'Көрініс',                       'en': 'View'},
    'reading':        map{'kk': 'Оқу мәтіні',                    'en': 'Reading text'},
    'diplomatic':     map{'kk': 'Дипломатиялық мәтін',           'en': 'Diplomatic text'},
    'apparatus':      map{'kk': 'Аппарат',                       'en': 'Apparatus'},
    'persons':        map{'kk': 'Кісі есімдері',                 'en': 'Persons'},
    'places':         map{'kk': 'Жер-су атаулары',               'en': 'Places'},
    'orgs':           map{'kk': 'Ұйымдар',                       'en': 'Organisations'},
    'other':          map{'kk': 'Басқа атаулар',                 'en': 'Other names'},
    'registers':      map{'kk': 'Көрсеткіштер',                  'en': 'Registers'},
    'chronology':     map{'kk': 'Хронология',                    'en': 'Chronology'},
    'search':         map{'kk': 'Іздеу',                         'en': 'Search'},
    'search-hint':    map{'kk': 'Мәтіннен іздеу…',               'en': 'Search the text…'},
    'search-help':    map{'kk': 'Бас әріп пен кіші әріп ажыратылмайды; ә, ғ, қ, ң, ө, ұ, ү, һ, і әріптерін а, г, к, н, о, у, у, х, и деп те іздеуге болады.',
                          'en': 'Case-insensitive; the Kazakh letters ә ғ қ ң ө ұ ү һ і also match а г к н о у у х и.'},
    'results':        map{'kk': 'Табылған абзацтар',             'en': 'Paragraphs found'},
    'no-results':     map{'kk': 'Ештеңе табылмады.',             'en': 'Nothing found.'},
    'paragraph':      map{'kk': 'Абзац',                         'en': 'Paragraph'},
    'paragraph-abbr': map{'kk': 'абз.',                          'en': '¶'},
    'permalink':      map{'kk': 'Тұрақты сілтеме',               'en': 'Permalink'},
    'continued':      map{'kk': 'алдыңғы абзацтың жалғасы',      'en': 'continues the previous paragraph'},
    'witness':        map{'kk': 'Нұсқада',                       'en': 'Witness'},
    'correction':     map{'kk': 'Түзету',                        'en': 'Correction'},
    'certainty':      map{'kk': 'Сенімділік',                    'en': 'Certainty'},
    'cert-high':      map{'kk': 'жоғары',                        'en': 'high'},
    'cert-medium':    map{'kk': 'орташа',                        'en': 'medium'},
    'cert-low':       map{'kk': 'төмен',                         'en': 'low'},
    'notes':          map{'kk': 'Ескертпелер',                   'en': 'Notes'},
    'note':           map{'kk': 'Ескертпе',                      'en': 'Note'},
    'kind-correction':     map{'kk': 'түзету',                   'en': 'correction'},
    'kind-regularization': map{'kk': 'қалыпқа келтіру',          'en': 'regularization'},
    'kind-expansion':      map{'kk': 'қысқартуды ашу',           'en': 'expansion'},
    'kind-sic':       map{'kk': 'күмәнді орын',                  'en': 'doubtful passage'},
    'kind-supplied':  map{'kk': 'толықтыру',                     'en': 'supplied'},
    'kind-variant':   map{'kk': 'нұсқа айырмасы',                'en': 'variant'},
    'kind-note':      map{'kk': 'ескертпе',                      'en': 'note'},
    'interventions':  map{'kk': 'Редакциялық түзетулер',         'en': 'Editorial interventions'},
    'occurrences':    map{'kk': 'Мәтінде кездесуі',              'en': 'Occurrences'},
    'variants':       map{'kk': 'Мәтіндегі жазылуы',             'en': 'Forms in the text'},
    'role':           map{'kk': 'Сипаттама',                     'en': 'Description'},
    'date':           map{'kk': 'Күні',                          'en': 'Date'},
    'sentence':       map{'kk': 'Сөйлем',                        'en': 'Sentence'},
    'in-context':     map{'kk': 'мәтінде',                       'en': 'in the text'},
    'date-uncertain': map{'kk': 'болжалды',                      'en': 'uncertain'},
    'date-internal':  map{'kk': 'мәнмәтіннен толықтырылған',     'en': 'completed from the context'},
    'approx':         map{'kk': 'шамамен',                       'en': 'approx.'},
    'between':        map{'kk': 'аралығы',                       'en': 'between'},
    'year-abbr':      map{'kk': 'ж.',                            'en': ''},
    'introduction':   map{'kk': 'Редакциялық кіріспе',           'en': 'Editorial introduction'},
    'sources':        map{'kk': 'Дереккөздер',                   'en': 'Sources'},
    'principles':     map{'kk': 'Басылым қағидалары',            'en': 'Editorial principles'},
    'statistics':     map{'kk': 'Белгілеу статистикасы',         'en': 'Statistics of the markup'},
    'citation':       map{'kk': 'Сілтеме жасау үлгісі',          'en': 'How to cite'},
    'download':       map{'kk': 'TEI XML бастапқы файлын жүктеу','en': 'Download the TEI XML source'},
    'responsibility': map{'kk': 'Басылымды дайындағандар',       'en': 'Responsibility'},
    'licence':        map{'kk': 'Лицензия',                      'en': 'Licence'},
    'revision':       map{'kk': 'Өзгерістер',                    'en': 'Revisions'},
    'revision-more':  map{'kk': 'Бұдан бұрынғы {n} өзгеріс TEI файлының тақырыптық бөлімінде жазылған.',
                          'en': '{n} earlier revisions are recorded in the header of the TEI file.'},
    'contents':       map{'kk': 'Мазмұны',                       'en': 'Contents'},
    'skip':           map{'kk': 'Мазмұнға өту',                  'en': 'Skip to content'},
    'language':       map{'kk': 'Тіл',                           'en': 'Language'},
    'back-to-text':   map{'kk': 'Мәтінге оралу',                 'en': 'Back to the text'},
    'source-line':    map{'kk': 'Дереккөз',                      'en': 'Source'},
    'st-paragraphs':  map{'kk': 'абзац',                         'en': 'paragraphs'},
    'st-words':       map{'kk': 'сөз (мақаланың оқу мәтінінде)',  'en': 'words (reading text of the article)'},
    'st-of-which':    map{'kk': 'оның ішінде',                   'en': 'of which'},
    'st-certain':     map{'kk': 'сенімді',                       'en': 'certain'},
    'st-cert-high':   map{'kk': 'оның ішінде сенімді',           'en': 'of which certain'},
    'st-cert-medium': map{'kk': 'ықтимал',                       'en': 'probable'},
    'st-cert-low':    map{'kk': 'болжам',                        'en': 'conjectural'},
    'st-notes':       map{'kk': 'редакциялық ескертпе',          'en': 'editorial notes'},
    'st-entries':     map{'kk': 'аппарат жазбасы',               'en': 'apparatus entries'},
    'st-corrections': map{'kk': 'түзету',                        'en': 'corrections'},
    'st-unmended':    map{'kk': 'түзетілмеген орын',             'en': 'passages left unmended'},
    'st-persons':     map{'kk': 'кісі есімі (жеке тұлға)',       'en': 'person names (individuals)'},
    'st-places':      map{'kk': 'жер-су атауы (нысан)',          'en': 'place names (places)'},
    'st-orgs':        map{'kk': 'ұйым атауы (ұйым)',             'en': 'organisation names (bodies)'},
    'st-reg-persons': map{'kk': 'кісі',                          'en': 'persons'},
    'st-reg-places':  map{'kk': 'жер-су',                        'en': 'places'},
    'st-reg-orgs':    map{'kk': 'ұйым',                          'en': 'organisations'},
    'st-mentions':    map{'kk': 'рет аталады',                   'en': 'mentions'},
    'st-dates':       map{'kk': 'күн-айы белгіленген сөз тіркесі','en': 'dated expressions'},
    'all-interventions': map{'kk': 'Барлық түзетулер',           'en': 'All interventions'},
    'unknown-entry':  map{'kk': 'көрсеткіште жоқ',               'en': 'not in the registers'},
    'footnotes':      map{'kk': 'Түсіндірмелер',                 'en': 'Notes'},
    'print':          map{'kk': 'Басып шығару',                  'en': 'Print'},
    'generated':      map{'kk': 'TEI XML-ден жасалған',          'en': 'Generated from TEI XML'},
    'ed-correction':     map{'kk': 'Түзетулер',                 'en': 'Corrections'},
    'ed-normalization':  map{'kk': 'Емле',                      'en': 'Orthography'},
    'ed-segmentation':   map{'kk': 'Абзацтар',                  'en': 'Segmentation'},
    'ed-interpretation': map{'kk': 'Атаулар мен даталар',       'en': 'Names and dates'},
    'ed-other':          map{'kk': 'Басқа қағидалар',           'en': 'Other principles'},
    'help-reading':   map{'kk': 'Түзетулер енгізілген мәтін.',  'en': 'The text with the corrections applied.'},
    'help-diplomatic':map{'kk': 'Нұсқа қалай болса, солай: қателер белгіленген.', 'en': 'The witness as it stands, its errors marked.'},
    'help-apparatus': map{'kk': 'Түзетілген сөздің үстіне апарыңыз немесе нөмірін таңдаңыз: нұсқадағы оқылымы көрінеді.',
                          'en': 'Hover over a corrected word or focus its number to see the witness reading.'},
    'para-cite':      map{'kk': 'Абзацқа сілтеме беру үшін оның нөмірін басыңыз (мысалы, text.html#p12).',
                          'en': 'To cite a paragraph, use its number as a link (e.g. text.html#p12).'},
    'editors':        map{'kk': 'ред.',                          'en': 'ed.'},
    'version':        map{'kk': 'нұсқа',                         'en': 'version'},
    'status-draft':   map{'kk': 'жоба, әлі қаралып жатыр',       'en': 'draft, still under review'},
    'accessed':       map{'kk': 'қаралған күні',                 'en': 'accessed'},
    'needs-js':       map{'kk': 'Іздеу үшін браузерде JavaScript қосулы болуы керек.', 'en': 'Search needs JavaScript.'},
    'switch-lang':    map{'kk': 'English',                       'en': 'Қазақша'},
    'entries':        map{'kk': 'жазба',                         'en': 'entries'},
    'month-1':  map{'kk': 'қаңтар',   'en': 'January'},   'month-2':  map{'kk': 'ақпан',     'en': 'February'},
    'month-3':  map{'kk': 'наурыз',   'en': 'March'},     'month-4':  map{'kk': 'сәуір',     'en': 'April'},
    'month-5':  map{'kk': 'мамыр',    'en': 'May'},       'month-6':  map{'kk': 'маусым',    'en': 'June'},
    'month-7':  map{'kk': 'шілде',    'en': 'July'},      'month-8':  map{'kk': 'тамыз',     'en': 'August'},
    'month-9':  map{'kk': 'қыркүйек', 'en': 'September'}, 'month-10': map{'kk': 'қазан',     'en': 'October'},
    'month-11': map{'kk': 'қараша',   'en': 'November'},  'month-12': map{'kk': 'желтоқсан', 'en': 'December'},
    (: front and back matter of a book: used by the print edition, fit for any output :)
    'abbreviations':   map{'kk': 'Қысқартулар мен шартты белгілер', 'en': 'Abbreviations and sigla'},
    'sigla':           map{'kk': 'Шартты белгілер',                  'en': 'Sigla'},
    'org-abbr':        map{'kk': 'Ұйымдар атауларының қысқартулары', 'en': 'Abbreviated names of organisations'},
    'general-abbr':    map{'kk': 'Басқа қысқартулар',                'en': 'Other abbreviations'},
    'text-abbr':       map{'kk': 'Мәтіндегі қысқартулар',            'en': 'Abbreviations in the text'},
    'sign-paragraph':  map{'kk': 'мәтіннің абзацы (нөмірі жиекте)',  'en': 'paragraph of the text (numbered in the margin)'},
    'sign-page':       map{'kk': 'бет',                              'en': 'page'},
    'index-persons':   map{'kk': 'Кісі есімдерінің көрсеткіші',      'en': 'Index of persons'},
    'index-places':    map{'kk': 'Жер-су атауларының көрсеткіші',    'en': 'Index of places'},
    'index-orgs':      map{'kk': 'Ұйымдар көрсеткіші',               'en': 'Index of organisations'},
    'chronology-note': map{'kk': 'Мәтіндегі күн-айы белгіленген сөз тіркестері уақыт ретімен; [ ] — мәнмәтіннен толықтырылған, ? — болжалды.',
                           'en': 'The dated expressions of the text in time order; [ ] completed from the context, ? uncertain.'},
    'page-abbr':       map{'kk': 'б.',                                'en': 'p.'},
    'witness-desc':    map{'kk': 'нұсқа: мақаланың веб-көшірмесі (2023)', 'en': 'the witness: the web copy of the article (2023)'},
    'supplied-by':     map{'kk': 'редактор толықтырған',              'en': 'supplied by the editor'},
    'edition-stmt':    map{'kk': 'Басылым',                           'en': 'Edition'},
    'identifier':      map{'kk': 'Идентификатор',                     'en': 'Identifier'},
    'source-print':    map{'kk': 'Басылымның түпнұсқасы',             'en': 'Printed source'}
  }"/>

  <!-- The table in use; a target overrides this variable to add labels. -->
  <xsl:variable name="kse:label-table" as="map(*)" select="$kse:common-labels"/>

  <xsl:function name="kse:labels" as="map(*)">
    <xsl:sequence select="$kse:label-table"/>
  </xsl:function>

  <xsl:function name="kse:label" as="xs:string">
    <xsl:param name="key" as="xs:string"/>
    <xsl:param name="lang" as="xs:string"/>
    <xsl:variable name="entry" select="$kse:label-table($key)"/>
    <xsl:sequence select="if (empty($entry)) then $key else ($entry($lang), $entry('en'), $key)[1]"/>
  </xsl:function>
</xsl:stylesheet>
