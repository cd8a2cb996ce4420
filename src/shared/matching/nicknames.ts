/**
 * Short forms and nicknames of given names as people give them at the roadside (Bill for William,
 * Liz for Elizabeth). A name can shorten more than one given name (Chris: Christopher, Christine,
 * Christian), so lookups answer a set. No maintained npm package carries a British list (the
 * `nicknames` package is pet names; the Old Dominion University CSV is US genealogy), so this is
 * data a force can extend: one line per given name, its short forms after the colon.
 */
import { normaliseName } from './names.ts'

const LIST = `
abdullah: abdul
abigail: abi abby gail
alan: al
albert: al bert bertie
alexander: alex al sandy xander lex
alexandra: alex sandra lexi sasha
alfred: alf alfie fred freddie
andrew: andy drew
anthony: tony ant
antony: tony ant
barbara: barbs babs
benjamin: ben benny benji
bernard: bernie
bradley: brad
catherine: cathy cath kate katie kath
katherine: kathy kath kate katie kat
kathleen: kath kathy
charles: charlie chas chuck
charlotte: charlie lottie lotte
christian: chris
christine: chris chrissie tina
christopher: chris kit topher
cornelius: con neil
daniel: dan danny
david: dave davey
deborah: debbie deb debs
donald: don donny
douglas: doug
edward: ed eddie ted teddy ned
eleanor: ellie nell
elizabeth: liz lizzie beth betty bess lisa eliza libby elsie
ellen: ellie nell
emily: em emmy
francis: frank fran
frances: fran frankie
frederick: fred freddie
gareth: gaz
gary: gaz
geoffrey: geoff jeff
jeffrey: jeff geoff
gerald: gerry
gregory: greg
harold: harry hal
henry: harry hal hank
isabel: izzy bella
isabella: izzy bella
jacqueline: jackie jacqui
james: jim jimmy jamie jimbo
jennifer: jen jenny
jessica: jess jessie
john: jack johnny jon
jonathan: jon jonny
joseph: joe joey
joshua: josh
judith: judy jude
kenneth: ken kenny
lawrence: larry laurie
laurence: larry laurie
leonard: len lenny leo
louise: lou
lucy: lou
margaret: maggie meg peggy marge maisie
matthew: matt
michael: mike mick micky mikey
mohammed: mo mohd moh
nathan: nat nate
nathaniel: nat nate
nicholas: nick nicky
nicola: nicky nikki
oliver: ollie
patricia: pat patsy trish
patrick: pat paddy
peter: pete
philip: phil pip
phillip: phil
rebecca: becky becca
richard: rick ricky rich dick richie
robert: rob bob bobby robbie bert
ronald: ron ronnie
samantha: sam sammy
samuel: sam sammy
sarah: sally sadie
stephen: steve stevie
steven: steve stevie
stuart: stu
susan: sue suzy
terence: terry tel
theodore: theo ted
thomas: tom tommy
timothy: tim timmy
victoria: vicky tori
vincent: vince vinny
walter: walt wally
william: bill billy will willie liam
zachary: zach zac
`

/** Normalised short form -> the normalised given names it stands for. */
const GIVEN_NAMES_OF = new Map<string, string[]>()
for (const line of LIST.split('\n')) {
  const [full, shorts] = line.split(':')
  if (!full || !shorts) continue
  const given = normaliseName(full)
  for (const short of [given, ...shorts.trim().split(/\s+/).map(normaliseName)]) {
    const list = GIVEN_NAMES_OF.get(short) ?? []
    if (!list.includes(given)) list.push(given)
    GIVEN_NAMES_OF.set(short, list)
  }
}

/** The given names a (normalised) forename may stand for, itself included. */
export function givenNamesOf(forename: string): string[] {
  const known = GIVEN_NAMES_OF.get(forename)
  return known ? (known.includes(forename) ? known : [forename, ...known]) : [forename]
}

/** Whether one forename is a known short form of the other (either way round), e.g. bill / william. */
export function sameGivenName(a: string, b: string): boolean {
  if (a === b) return true
  const aa = givenNamesOf(a)
  const bb = givenNamesOf(b)
  return aa.some((name) => bb.includes(name))
}
