/** Pools the record generator picks from: plausible, public facts of a large Italian city. */

export const CAR_MODELS: readonly (readonly [make: string, model: string])[] = [
  ['Fiat', 'Panda'],
  ['Fiat', '500'],
  ['Fiat', 'Tipo'],
  ['Lancia', 'Ypsilon'],
  ['Alfa Romeo', 'Giulietta'],
  ['Volkswagen', 'Golf'],
  ['Volkswagen', 'Polo'],
  ['Renault', 'Clio'],
  ['Peugeot', '208'],
  ['Toyota', 'Yaris'],
  ['Dacia', 'Sandero'],
  ['Citroën', 'C3'],
  ['Ford', 'Fiesta'],
  ['Opel', 'Corsa'],
  ['Jeep', 'Renegade'],
  ['Tesla', 'Model 3'],
  ['BMW', 'Serie 1'],
  ['Smart', 'Fortwo'],
]

/** Public libraries of the Milan library system. */
export const LIBRARIES: readonly string[] = [
  'Biblioteca Sormani',
  'Biblioteca Venezia',
  'Biblioteca Dergano-Bovisa',
  'Biblioteca Valvassori Peroni',
  'Biblioteca Calvairate',
  'Biblioteca Chiesa Rossa',
  'Biblioteca Niguarda',
  'Biblioteca Sicilia',
  'Biblioteca Crescenzago',
  'Biblioteca Harar',
]

/** Books long in the public domain. */
export const BOOKS: readonly (readonly [title: string, author: string])[] = [
  ['I promessi sposi', 'Alessandro Manzoni'],
  ['Le avventure di Pinocchio', 'Carlo Collodi'],
  ['Cuore', 'Edmondo De Amicis'],
  ['I Malavoglia', 'Giovanni Verga'],
  ['Il fu Mattia Pascal', 'Luigi Pirandello'],
  ['La coscienza di Zeno', 'Italo Svevo'],
  ['Le confessioni di un italiano', 'Ippolito Nievo'],
  ['Il piacere', "Gabriele D'Annunzio"],
  ['Canti', 'Giacomo Leopardi'],
  ['Piccolo mondo antico', 'Antonio Fogazzaro'],
  ['Orgoglio e pregiudizio', 'Jane Austen'],
  ['Delitto e castigo', 'Fëdor Dostoevskij'],
  ['Il conte di Montecristo', 'Alexandre Dumas'],
  ['Moby Dick', 'Herman Melville'],
  ['Alice nel paese delle meraviglie', 'Lewis Carroll'],
  ['Il giro del mondo in 80 giorni', 'Jules Verne'],
]

export const OTHER_MUNICIPALITIES: readonly (readonly [name: string, province: string])[] = [
  ['Monza', 'MB'],
  ['Sesto San Giovanni', 'MI'],
  ['Bergamo', 'BG'],
  ['Torino', 'TO'],
  ['Roma', 'RM'],
  ['Napoli', 'NA'],
  ['Bologna', 'BO'],
  ['Palermo', 'PA'],
  ['Bari', 'BA'],
  ['Brescia', 'BS'],
  ['Pavia', 'PV'],
  ['Como', 'CO'],
]

export const PEC_PROVIDERS: readonly string[] = [
  'pec.it',
  'legalmail.it',
  'arubapec.it',
  'postacertificata.gov.it',
]

/** Letters used on Italian number plates (I, O, Q and U are never used). */
export const PLATE_LETTERS = 'ABCDEFGHJKLMNPRSTVWXYZ'
