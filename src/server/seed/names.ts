/**
 * Names for the demo population, chosen to exercise name matching: British, Irish and Scottish
 * (Mc / Mac / O'), Pakistani and Bangladeshi with their common transliterations (Mohammed /
 * Muhammad, Hussain / Hussein, Chowdhury / Choudhury), Sikh and Hindu, Eastern European with
 * gendered surnames and diacritics (Kowalski / Kowalska, Wiśniewska), Caribbean, West African and
 * Somali, and double-barrelled surnames. Each name is drawn within one tradition. Faker's
 * en_GB person names are mostly American, so the lists are our own and Faker only draws from them.
 * A fixed set of near-identical people (several John Smiths with different dates of birth, spelling
 * variants) is planted at every scale, so the matching feature always has cases to separate.
 */
import { chance, pick, weighted, type Random, type Weighted } from './random.ts'

export type Sex = 'M' | 'F'
export type PersonName = { forenames: string; surname: string; sex: Sex }
/** A planted person: name plus an age, so that same-name people differ by date of birth. */
export type PlantedPerson = PersonName & { age: number; wanted?: true }

/** A naming tradition: forenames by sex and a surname rule (some traditions gender the surname). */
type NamePool = { male: readonly string[]; female: readonly string[]; surname: (r: Random, sex: Sex) => string }

/**
 * Lists run from the most to the least common, and draws lean towards the front (a power law), so
 * Smith and Jones are common and Hickman is rare, as in a real population.
 */
function pickCommon<T>(r: Random, items: readonly T[]): T {
  return items[Math.floor(items.length * r.number.float() ** 1.3)]
}

function surnames(list: readonly string[]): NamePool['surname'] {
  return (r) => pickCommon(r, list)
}

/** A surname rule where some names belong to one sex (Begum, Kaur, Kowalska). */
function gendered(shared: readonly string[], male: readonly string[], female: readonly string[], sexedShare: number): NamePool['surname'] {
  return (r, sex) => {
    const own = sex === 'M' ? male : female
    return own.length > 0 && chance(r, sexedShare) ? pickCommon(r, own) : pickCommon(r, shared)
  }
}

const britishSurnames = ['Smith', 'Jones', 'Williams', 'Taylor', 'Brown', 'Davies', 'Evans', 'Wilson', 'Thomas',
  'Johnson', 'Roberts', 'Robinson', 'Thompson', 'Wright', 'Walker', 'White', 'Edwards', 'Hughes', 'Green', 'Hall',
  'Lewis', 'Harris', 'Clarke', 'Patterson', 'Jackson', 'Wood', 'Turner', 'Martin', 'Cooper', 'Hill', 'Ward', 'Morris',
  'Moore', 'Clark', 'Lee', 'King', 'Baker', 'Harrison', 'Morgan', 'Allen', 'James', 'Scott', 'Phillips', 'Watson',
  'Davis', 'Parker', 'Price', 'Bennett', 'Young', 'Griffiths', 'Mitchell', 'Kelly', 'Cook', 'Carter', 'Richardson',
  'Bailey', 'Collins', 'Bell', 'Shaw', 'Murphy', 'Miller', 'Cox', 'Richards', 'Marshall', 'Anderson', 'Simpson',
  'Ellis', 'Adams', 'Wilkinson', 'Foster', 'Chapman', 'Powell', 'Webb', 'Rogers', 'Gray', 'Mason', 'Hunt', 'Campbell',
  'Matthews', 'Owen', 'Palmer', 'Holmes', 'Mills', 'Barnes', 'Knight', 'Lloyd', 'Butler', 'Russell', 'Barker',
  'Fisher', 'Stevens', 'Jenkins', 'Dixon', 'Fletcher', 'Howard', 'Pearson', 'Reynolds', 'Fox', 'Gibson', 'Hayes',
  'Perkins', 'Bradley', 'Smyth', 'Hickman', 'Tonks', 'Whitehouse', 'Bate', 'Round', 'Hadley', 'Cartwright', 'Plant',
  'Nock', 'Ashford', 'Smithe']
const britishMale = ['David', 'James', 'John', 'Michael', 'Paul', 'Daniel', 'Thomas', 'Mark', 'Andrew', 'Christopher',
  'Richard', 'Matthew', 'Jack', 'Oliver', 'Harry', 'Ryan', 'Lee', 'Stephen', 'Robert', 'Peter', 'Liam', 'Jamie',
  'Luke', 'Adam', 'Connor', 'George', 'Charlie', 'Joshua', 'Callum', 'Kieran', 'Gary', 'Craig', 'Dean', 'Wayne',
  'Darren', 'Jason', 'Scott', 'Ben', 'Samuel', 'Lewis', 'Nathan', 'Aaron', 'Jordan', 'Tyler', 'Kyle', 'Reece',
  'Alfie', 'Brandon', 'William', 'Anthony', 'Kevin', 'Neil', 'Ian', 'Alan', 'Keith', 'Graham', 'Colin', 'Trevor',
  'Barry', 'Jake', 'Mason', 'Riley', 'Kai', 'Frankie', 'Tommy']
const britishFemale = ['Sarah', 'Emma', 'Laura', 'Claire', 'Rebecca', 'Charlotte', 'Amy', 'Chloe', 'Jessica', 'Lauren',
  'Hannah', 'Sophie', 'Gemma', 'Nicola', 'Michelle', 'Kelly', 'Lisa', 'Joanne', 'Susan', 'Karen', 'Julie', 'Tracey',
  'Sharon', 'Stacey', 'Danielle', 'Jade', 'Megan', 'Holly', 'Olivia', 'Amelia', 'Ella', 'Grace', 'Lily', 'Mia',
  'Ruby', 'Paige', 'Courtney', 'Shannon', 'Leanne', 'Kerry', 'Donna', 'Angela', 'Carol', 'Linda', 'Margaret',
  'Elaine', 'Jennifer', 'Katie', 'Natalie', 'Zoe', 'Abbie', 'Demi', 'Kayleigh', 'Tia', 'Ellie', 'Poppy']

const pools: Weighted<NamePool> = [
  [{ male: britishMale, female: britishFemale, surname: surnames(britishSurnames) }, 55],
  [{
    male: britishMale,
    female: britishFemale,
    surname: (r) => `${pickCommon(r, britishSurnames)}-${pickCommon(r, britishSurnames)}`,
  }, 2],
  [{
    male: ['Sean', 'Patrick', 'Conor', 'Declan', 'Ciaran', 'Callum', 'Niall', 'Shaun', 'Kieran', 'Brendan', 'Eoin',
      'Fraser', 'Ruairi', 'Hamish'],
    female: ['Siobhan', 'Niamh', 'Aoife', 'Ciara', 'Roisin', 'Orla', 'Bridget', 'Kirsty', 'Catriona', 'Shona', 'Mairead',
      'Eilidh', 'Morag'],
    surname: surnames(['Murphy', "O'Brien", 'McDonald', "O'Neill", 'Kelly', "O'Connor", 'Doyle', 'McCarthy', 'Byrne',
      'MacDonald', "O'Sullivan", 'Gallagher', 'McKenzie', 'Quinn', "O'Reilly", 'Kennedy', 'Doherty', 'MacKenzie',
      'McLaughlin', 'McGrath', "O'Donnell", 'McCann', 'MacLeod', 'McLeod', 'Fitzgerald', 'Docherty', 'McIntyre',
      'Macintyre']),
  }, 8],
  [{
    male: ['Mohammed', 'Muhammad', 'Mohammad', 'Imran', 'Abdul', 'Bilal', 'Hamza', 'Usman', 'Zain', 'Amir', 'Tariq',
      'Adil', 'Shahid', 'Asif', 'Sajid', 'Rizwan', 'Yusuf', 'Ibrahim', 'Mahmood', 'Ayaan', 'Mohamed'],
    female: ['Fatima', 'Aisha', 'Maryam', 'Zainab', 'Ayesha', 'Amina', 'Nadia', 'Shabana', 'Rukhsana', 'Nasreen',
      'Parveen', 'Hafsa', 'Sana', 'Fatimah', 'Mariam'],
    surname: gendered(['Hussain', 'Khan', 'Ahmed', 'Ali', 'Iqbal', 'Akhtar', 'Rahman', 'Mahmood', 'Hussein', 'Ahmad',
      'Shah', 'Chowdhury', 'Islam', 'Uddin', 'Miah', 'Butt', 'Rehman', 'Choudhury', 'Chaudhry', 'Mehmood', 'Husain',
      'Chaudhary', 'Mia'], [], ['Begum', 'Bibi', 'Akhtar'], 0.3),
  }, 12],
  [{
    male: ['Harpreet', 'Gurpreet', 'Sandeep', 'Rajinder', 'Jaswinder', 'Amarjit', 'Manpreet', 'Kuldip', 'Ravi', 'Sunil',
      'Vikram', 'Arjun'],
    female: ['Harpreet', 'Gurpreet', 'Jaspreet', 'Manjit', 'Simran', 'Kiran', 'Priya', 'Sunita', 'Anjali', 'Pooja'],
    surname: gendered(['Patel', 'Gill', 'Sandhu', 'Sharma', 'Dhillon', 'Bains', 'Johal', 'Sidhu', 'Mistry', 'Parmar'],
      ['Singh'], ['Kaur'], 0.35),
  }, 5],
  [{
    male: ['Piotr', 'Tomasz', 'Krzysztof', 'Paweł', 'Pawel', 'Łukasz', 'Lukasz', 'Marcin', 'Jakub', 'Marek', 'Jan',
      'Aleksander', 'Andrei', 'Mihai', 'Ionut', 'Florin', 'Vasile', 'Bogdan', 'Darius', 'Mindaugas', 'Tomas'],
    female: ['Anna', 'Katarzyna', 'Agnieszka', 'Magdalena', 'Joanna', 'Małgorzata', 'Malgorzata', 'Monika', 'Natalia',
      'Marta', 'Elena', 'Ioana', 'Andreea', 'Gabriela', 'Alina', 'Ieva', 'Rasa'],
    surname: gendered(['Nowak', 'Wójcik', 'Wojcik', 'Popescu', 'Ionescu', 'Popa', 'Horvath', 'Balogh'],
      ['Kowalski', 'Wiśniewski', 'Wisniewski', 'Lewandowski', 'Kamiński', 'Kaminski', 'Zieliński', 'Szymański',
        'Dvořák', 'Novak', 'Kazlauskas', 'Petrov', 'Ivanov'],
      ['Kowalska', 'Wiśniewska', 'Wisniewska', 'Lewandowska', 'Kamińska', 'Kaminska', 'Zielińska', 'Szymańska',
        'Dvořáková', 'Nováková', 'Kazlauskienė', 'Petrova', 'Ivanova'], 0.7),
  }, 7],
  [{
    male: ['Marcus', 'Tyrone', 'Andre', 'Jermaine', 'Leon', 'Jerome', 'Delroy', 'Winston', 'Devon', 'Curtis'],
    female: ['Shanice', 'Keisha', 'Tanisha', 'Chantelle', 'Jasmine', 'Simone', 'Marcia', 'Beverley'],
    surname: surnames(['Campbell', 'Williams', 'Brown', 'Francis', 'Bailey', 'Grant', 'Henry', 'Clarke', 'Reid',
      'Thompson', 'Gordon', 'Spencer', 'Morgan', 'Robinson']),
  }, 5],
  [{
    male: ['Oluwaseun', 'Emeka', 'Chinedu', 'Tunde', 'Femi', 'Kwame', 'Kofi', 'Yaw'],
    female: ['Blessing', 'Precious', 'Chioma', 'Ngozi', 'Funmi', 'Adaeze', 'Amara', 'Abena'],
    surname: surnames(['Okafor', 'Adeyemi', 'Okonkwo', 'Mensah', 'Adebayo', 'Owusu', 'Boateng', 'Osei', 'Asante',
      'Oyelaran']),
  }, 3],
  [{
    male: ['Abdi', 'Mohamed', 'Ahmed', 'Abdirahman', 'Hassan', 'Yusuf'],
    female: ['Hodan', 'Fadumo', 'Amina', 'Ayan', 'Hibo'],
    surname: surnames(['Mohamud', 'Abdi', 'Farah', 'Hassan', 'Ali', 'Warsame', 'Osman', 'Jama']),
  }, 2],
]

export function randomName(r: Random, sex: Sex): PersonName {
  const pool = weighted(r, pools)
  const forenames = sex === 'M' ? pool.male : pool.female
  const first = pickCommon(r, forenames)
  // About one in five carries a middle name, drawn from the same tradition.
  const middle = chance(r, 0.2) ? pick(r, forenames) : null
  return { forenames: middle && middle !== first ? `${first} ${middle}` : first, surname: pool.surname(r, sex), sex }
}

/**
 * People planted at every scale: one cluster per matching problem. The ones marked wanted make a
 * check on a near-miss name (Mohammed Hussain) find a wanted lookalike (Muhammad Hussein).
 */
export const plantedPeople: readonly PlantedPerson[] = [
  { forenames: 'John', surname: 'Smith', sex: 'M', age: 34 },
  { forenames: 'John', surname: 'Smith', sex: 'M', age: 52, wanted: true },
  { forenames: 'John', surname: 'Smith', sex: 'M', age: 23 },
  { forenames: 'John Paul', surname: 'Smith', sex: 'M', age: 41 },
  { forenames: 'Jon', surname: 'Smith', sex: 'M', age: 34 },
  { forenames: 'John', surname: 'Smyth', sex: 'M', age: 29 },
  { forenames: 'Mohammed', surname: 'Hussain', sex: 'M', age: 27 },
  { forenames: 'Muhammad', surname: 'Hussein', sex: 'M', age: 27, wanted: true },
  { forenames: 'Mohammad', surname: 'Husain', sex: 'M', age: 45 },
  { forenames: 'Abdul', surname: 'Chowdhury', sex: 'M', age: 38 },
  { forenames: 'Abdul', surname: 'Choudhury', sex: 'M', age: 19 },
  { forenames: 'Piotr', surname: 'Kowalski', sex: 'M', age: 31 },
  { forenames: 'Anna', surname: 'Kowalska', sex: 'F', age: 30 },
  { forenames: 'Katarzyna', surname: 'Wiśniewska', sex: 'F', age: 26 },
  { forenames: 'Katarzyna', surname: 'Wisniewska', sex: 'F', age: 44 },
  { forenames: 'Sean', surname: "O'Neill", sex: 'M', age: 22 },
  { forenames: 'Shaun', surname: 'Oneill', sex: 'M', age: 22, wanted: true },
  { forenames: 'Callum', surname: 'McDonald', sex: 'M', age: 36 },
  { forenames: 'Calum', surname: 'MacDonald', sex: 'M', age: 36 },
  { forenames: 'Chloe', surname: 'Smith-Jones', sex: 'F', age: 24 },
  { forenames: 'Chloe', surname: 'Jones', sex: 'F', age: 24 },
]

const nicknames: Readonly<Record<string, string>> = {
  William: 'Billy', Robert: 'Bob', Thomas: 'Tommy', James: 'Jimmy', Michael: 'Mick', Daniel: 'Danny',
  Christopher: 'Chris', Anthony: 'Tony', Richard: 'Ricky', Stephen: 'Steve', Joshua: 'Josh', Samuel: 'Sam',
  Mohammed: 'Mo', Muhammad: 'Mo', Mohammad: 'Mo', Katarzyna: 'Kasia', Aleksander: 'Olek', Małgorzata: 'Gosia',
  Rebecca: 'Becky', Jennifer: 'Jenny', Margaret: 'Maggie', Elizabeth: 'Liz', Nicola: 'Nicky', Danielle: 'Dani',
}

/** An alias as officers meet them: a nickname, a partner's or former surname, or a swapped order. */
export function randomAlias(r: Random, name: PersonName): { forenames: string; surname: string } {
  const first = name.forenames.split(' ')[0]
  const kind = weighted(r, [['nickname', nicknames[first] ? 4 : 0], ['surname', 4], ['swapped', 1], ['other', 2]])
  if (kind === 'nickname') return { forenames: nicknames[first], surname: name.surname }
  if (kind === 'swapped') return { forenames: name.surname, surname: first }
  if (kind === 'surname') return { forenames: name.forenames, surname: randomName(r, name.sex).surname }
  return { forenames: randomName(r, name.sex).forenames, surname: name.surname }
}
