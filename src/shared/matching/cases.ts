/**
 * The name-matching cases every store must pass: a small population with look-alikes, and for each
 * variation an officer meets at the roadside, the query and the person who must rank first. Used by
 * the unit tests (matching.test.ts) and by the HTTP tests on SQLite and PostgreSQL.
 */
import type { NameRecord, PersonQuery } from './keys.ts'

export type CasePerson = NameRecord & { id: string }

const named: CasePerson[] = [
  { id: 'MC01', surname: 'Smith', forenames: 'William James', dob: '1980-03-12' },
  { id: 'MC02', surname: 'Smith', forenames: 'William', dob: '1975-07-01' },
  { id: 'MC03', surname: 'Smith', forenames: 'John', dob: '1980-03-12' },
  { id: 'MC04', surname: 'Taylor', forenames: 'Elizabeth', dob: '1990-11-05' },
  { id: 'MC05', surname: 'Hussain', forenames: 'Mohammed', dob: '1988-02-14' },
  { id: 'MC06', surname: 'Khan', forenames: 'Mohammed', dob: '1988-02-14' },
  { id: 'MC07', surname: 'Chowdhury', forenames: 'Stephen', dob: '1992-06-30' },
  { id: 'MC08', surname: 'McDonald', forenames: 'Sean', dob: '1985-01-20' },
  { id: 'MC09', surname: "O'Brien", forenames: 'Siobhan', dob: '1979-09-09' },
  { id: 'MC10', surname: 'Smith-Jones', forenames: 'Emma', dob: '1995-04-22' },
  { id: 'MC11', surname: 'Jones', forenames: 'Robert', dob: '1995-04-22' },
  { id: 'MC12', surname: 'Walker', forenames: 'Lee', dob: '2001-12-03', aliases: [{ surname: 'Marsh', forenames: 'Darren' }] },
  { id: 'MC13', surname: 'Smyth', forenames: 'Daniel', dob: '1983-05-17' },
  { id: 'MC14', surname: 'Smith', forenames: 'Steven', dob: '1983-05-17' },
  { id: 'MC15', surname: 'Brown', forenames: 'Margaret', dob: '1968-08-08' },
  { id: 'MC16', surname: 'Brown', forenames: 'Margaret', dob: '1986-10-02' },
]

const forenames = ['William', 'John', 'James', 'Mohammed', 'Daniel', 'Emma', 'Sean', 'Elizabeth', 'Robert', 'Steven']
const surnames = ['Smith', 'Smyth', 'Smithson', 'Jones', 'Taylor', 'Hussein', 'Hassan', 'Macdonald', 'Brian', 'Walker', 'Tyler', 'Khan']

/** Look-alikes: the same common names with other dates of birth, so the date has to decide. */
function lookAlikes(): CasePerson[] {
  const people: CasePerson[] = []
  let n = 0
  for (const surname of surnames) {
    for (const forename of forenames) {
      for (const year of [1962, 1971, 1979, 1981, 1989, 1994, 2003]) {
        n += 1
        const month = String((n % 12) + 1).padStart(2, '0')
        const day = String((n % 27) + 1).padStart(2, '0')
        people.push({ id: `MX${String(n).padStart(4, '0')}`, surname, forenames: forename, dob: `${year}-${month}-${day}` })
      }
    }
  }
  return people
}

export const casePeople: CasePerson[] = [...named, ...lookAlikes()]

export type MatchCase = { name: string; query: PersonQuery; expect: string }

export const matchCases: MatchCase[] = [
  { name: 'exact name and date of birth', query: { surname: 'Smith', forenames: 'William', dob: '1980-03-12' }, expect: 'MC01' },
  { name: 'nickname: Bill for William', query: { surname: 'Smith', forenames: 'Bill', dob: '1980-03-12' }, expect: 'MC01' },
  { name: 'nickname: Liz for Elizabeth', query: { surname: 'Taylor', forenames: 'Liz', dob: '1990-11-05' }, expect: 'MC04' },
  { name: 'transliteration: Muhammad Hussein', query: { surname: 'Hussein', forenames: 'Muhammad', dob: '1988-02-14' }, expect: 'MC05' },
  { name: 'spelling: Steven for Stephen, Choudhury for Chowdhury', query: { surname: 'Choudhury', forenames: 'Steven', dob: '1992-06-30' }, expect: 'MC07' },
  { name: 'spelling: Smith for Smyth', query: { surname: 'Smith', forenames: 'Daniel', dob: '1983-05-17' }, expect: 'MC13' },
  { name: 'Mac for Mc', query: { surname: 'MacDonald', forenames: 'Sean', dob: '1985-01-20' }, expect: 'MC08' },
  { name: "O' prefix written without the apostrophe", query: { surname: 'OBrien', forenames: 'Siobhan', dob: '1979-09-09' }, expect: 'MC09' },
  { name: "O' prefix written as a separate word", query: { surname: 'O Brien', forenames: 'Siobhan' }, expect: 'MC09' },
  { name: 'case, spacing and punctuation', query: { surname: '  SMITH JONES ', forenames: 'emma.', dob: '1995-04-22' }, expect: 'MC10' },
  { name: 'one-letter typo', query: { surname: 'Tailor', forenames: 'Elizabeth', dob: '1990-11-05' }, expect: 'MC04' },
  { name: 'one letter changed, so the name no longer sounds alike', query: { surname: 'Tsylor', forenames: 'Elizabeth', dob: '1990-11-05' }, expect: 'MC04' },
  { name: 'one letter changed, no date of birth', query: { surname: 'MacDonsld', forenames: 'Sean' }, expect: 'MC08' },
  { name: 'one letter too many', query: { surname: 'Hussainn', forenames: 'Mohammed', dob: '1988-02-14' }, expect: 'MC05' },
  { name: 'transposed letters', query: { surname: 'Hussian', forenames: 'Mohammed', dob: '1988-02-14' }, expect: 'MC05' },
  { name: 'dropped letter, no date of birth', query: { surname: 'Chowdhry', forenames: 'Stephen' }, expect: 'MC07' },
  { name: 'forenames and surname swapped', query: { surname: 'William', forenames: 'Smith', dob: '1980-03-12' }, expect: 'MC01' },
  { name: 'one half of a double-barrelled surname', query: { surname: 'Jones', forenames: 'Emma', dob: '1995-04-22' }, expect: 'MC10' },
  { name: 'a recorded alias', query: { surname: 'Marsh', forenames: 'Darren', dob: '2001-12-03' }, expect: 'MC12' },
  { name: 'day and month swapped', query: { surname: 'Smith', forenames: 'William', dob: '1980-12-03' }, expect: 'MC01' },
  { name: 'year off by one', query: { surname: 'Smith', forenames: 'William', dob: '1981-03-12' }, expect: 'MC01' },
  { name: 'a year alone', query: { surname: 'Smith', forenames: 'William', dob: '1975' }, expect: 'MC02' },
  { name: 'same common name: the date of birth decides', query: { surname: 'Brown', forenames: 'Margaret', dob: '1986-10-02' }, expect: 'MC16' },
  { name: 'same common name: the other date decides', query: { surname: 'Brown', forenames: 'Margaret', dob: '1968-08-08' }, expect: 'MC15' },
  { name: 'surname and date only', query: { surname: 'Smith', dob: '1975-07-01' }, expect: 'MC02' },
]
