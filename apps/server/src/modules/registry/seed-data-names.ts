import type { NamePoolKey } from './seed-data.js'

/**
 * Given names and surnames for the generated population. Lists are kept as comma-separated text so
 * that hundreds of names stay readable; the most common names come first, as the generator favours
 * the head of each list.
 */

function list(text: string): readonly string[] {
  return text
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name.length > 0)
}

export interface NamePool {
  male: readonly string[]
  female: readonly string[]
  surnames: readonly string[]
}

export const ITALIAN_MALE_NAMES = list(`
  Francesco, Alessandro, Andrea, Lorenzo, Matteo, Leonardo, Marco, Luca, Giuseppe, Giovanni, Antonio,
  Mattia, Riccardo, Davide, Federico, Gabriele, Simone, Stefano, Paolo, Roberto, Massimo, Mario, Luigi,
  Tommaso, Edoardo, Filippo, Giacomo, Nicola, Michele, Daniele, Emanuele, Pietro, Alberto, Claudio,
  Fabio, Franco, Sergio, Bruno, Carlo, Enrico, Giorgio, Salvatore, Vincenzo, Angelo, Domenico, Diego,
  Christian, Samuele, Jacopo, Alessio, Gianluca, Gianni, Giulio, Maurizio, Mauro, Niccolò, Nicolò,
  Pasquale, Piero, Raffaele, Renato, Rocco, Rosario, Sandro, Silvio, Umberto, Valerio, Vittorio,
  Walter, Enzo, Elia, Emilio, Ettore, Fausto, Flavio, Giancarlo, Gianfranco, Gino, Ignazio, Lucio,
  Marcello, Mirko, Orazio, Pierluigi, Raimondo, Romano, Ruggero, Sebastiano, Tullio, Ugo, Vito, Aldo,
  Alfredo, Amedeo, Arturo, Attilio, Augusto, Benedetto, Cesare, Corrado, Dario, Dino, Elio, Ernesto,
  Fabrizio, Felice, Ferdinando, Gaetano, Giordano, Gregorio, Luciano, Massimiliano, Oscar, Patrizio,
  Pier Paolo, Gian Marco, Giampiero, Achille, Adriano, Agostino, Carmine, Ciro, Cosimo, Damiano,
  Emiliano, Ennio, Ermanno, Gennaro, Gioele, Italo, Manfredi, Michelangelo, Noè, Ottavio, Tiziano,
  Samuel, Thomas, Kevin, Nathan, Ivan, Leone, Lino, Marino, Nino, Osvaldo, Rodolfo, Teodoro, Egidio,
  Graziano, Fiorenzo, Settimo, Valentino, Guido, Diego Maria, Gian Luca, Raul, Alvise, Ludovico
`)

export const ITALIAN_FEMALE_NAMES = list(`
  Giulia, Sofia, Aurora, Alice, Ginevra, Emma, Giorgia, Greta, Beatrice, Anna, Chiara, Martina, Sara,
  Francesca, Federica, Valentina, Elisa, Elena, Silvia, Laura, Paola, Maria, Giuseppina, Rosa, Angela,
  Giovanna, Teresa, Lucia, Carmela, Caterina, Antonella, Barbara, Cristina, Daniela, Donatella,
  Emanuela, Gabriella, Graziella, Ilaria, Irene, Lorena, Luisa, Manuela, Marta, Monica, Nadia,
  Patrizia, Roberta, Rossella, Sabrina, Serena, Simona, Stefania, Tiziana, Vanessa, Veronica, Viola,
  Vittoria, Noemi, Matilde, Camilla, Bianca, Arianna, Benedetta, Carlotta, Cecilia, Costanza, Diletta,
  Eleonora, Gaia, Ludovica, Margherita, Nicole, Rebecca, Rachele, Asia, Adele, Agnese, Alessandra,
  Alba, Amalia, Ambra, Angelica, Annalisa, Antonietta, Assunta, Bruna, Carla, Carolina, Clara,
  Concetta, Debora, Denise, Elisabetta, Elvira, Emilia, Enrica, Erica, Ester, Eva, Fiorella, Franca,
  Gemma, Giada, Gloria, Grazia, Immacolata, Ines, Isabella, Jessica, Lara, Letizia, Liliana, Lina,
  Loredana, Lucrezia, Mara, Marina, Marisa, Melissa, Michela, Milena, Miriam, Nora, Olga, Ornella,
  Piera, Raffaella, Rita, Romina, Sonia, Valeria, Vera, Wanda, Ylenia, Zoe, Anna Maria, Maria Grazia,
  Mariangela, Luciana, Mirella, Marcella, Ida, Iolanda, Lidia, Nicoletta, Ottavia, Renata, Rosaria,
  Silvana, Vincenza, Licia, Dalia, Miriana, Nives, Gianna, Marilena, Rosanna, Elda, Adriana, Cinzia
`)

export const ITALIAN_SURNAMES = list(`
  Rossi, Russo, Ferrari, Esposito, Bianchi, Romano, Colombo, Ricci, Marino, Greco, Bruno, Gallo,
  Conti, De Luca, Mancini, Costa, Giordano, Rizzo, Lombardi, Moretti, Barbieri, Fontana, Santoro,
  Mariani, Rinaldi, Caruso, Ferrara, Galli, Martini, Leone, Longo, Gentile, Martinelli, Vitale,
  Lombardo, Serra, Coppola, De Santis, D'Angelo, Marchetti, Parisi, Villa, Conte, Ferraro, Ferri,
  Fabbri, Bianco, Marini, Grasso, Valentini, Messina, Sala, De Angelis, Gatti, Pellegrini, Palumbo,
  Sanna, Farina, Rizzi, Monti, Cattaneo, Morelli, Amato, Silvestri, Mazza, Testa, Grassi, Pellegrino,
  Carbone, Giuliani, Benedetti, Barone, Rossetti, Caputo, Montanari, Guerra, Palmieri, Bernardi,
  Martino, Fiore, De Rosa, Ferretti, Bellini, Basile, Riva, Donati, Piras, Vitali, Battaglia, Sartori,
  Neri, Costantini, Milani, Pagano, Ruggiero, Sorrentino, D'Amico, Orlando, Negri, Fumagalli,
  Brambilla, Galbiati, Bassi, Mauri, Crippa, Sironi, Ronchi, Brioschi, Pozzi, Longhi, Magni,
  Bonfanti, Ferrario, Meroni, Tagliabue, Viganò, Redaelli, Ratti, Zanetti, Vismara, Radaelli, Arosio,
  Cazzaniga, Beretta, Locatelli, Invernizzi, Rota, Pirovano, Maggioni, Frigerio, Airoldi, Mapelli,
  Pozzoli, Corti, Ghezzi, Lualdi, Marelli, Perego, Rigamonti, Valsecchi, Zappa, Cremonesi, Bianchini,
  Castelli, Cavalli, Cocco, Cozzi, D'Ambrosio, D'Agostino, De Simone, De Marco, Di Stefano,
  Di Pietro, Di Giovanni, Di Lorenzo, Fadda, Falco, Fiorentino, Franco, Fusco, Gatto, Giorgi, Guidi,
  Iannone, La Rosa, Lanza, Leonardi, Lo Russo, Macrì, Maggi, Mancuso, Marras, Mele, Melis, Merlo,
  Miele, Mura, Napolitano, Nardi, Olivieri, Orlandi, Pace, Palma, Pastore, Pepe, Perrone, Piazza,
  Porcu, Pugliese, Rocca, Romeo, Rossini, Rosso, Salvi, Santini, Simone, Spinelli, Tedesco,
  Terranova, Tosi, Toscano, Valente, Vacca, Verdi, Zanella, Zanini, Zito, Agostini, Albanese,
  Alberti, Angeli, Antonelli, Arena, Baldi, Barbero, Bartoli, Battisti, Bellucci, Bergamaschi,
  Bernasconi, Bertoni, Biagi, Bonetti, Bonomi, Borghi, Bruni, Buzzi, Calabrese, Campana, Canale,
  Cantoni, Capuano, Carli, Caselli, Castiglioni, Catalano, Cirillo, Colonna, Corsi, Costanzo,
  Del Vecchio, Di Maio, Elia, Forte, Franchi, Garofalo, Giusti, Grimaldi, Guarino, Lupo, Marchi,
  Marra, Mazzola, Monaco, Morandi, Moro, Nicoletti, Oliva, Palladino, Pasini, Pini, Pisani, Puglisi,
  Raimondi, Ricciardi, Riccio, Romagnoli, Ruggeri, Sacco, Sanfilippo, Scotti, Spina, Stella, Tonelli,
  Trevisan, Venturi, Vianello, Zamboni, Zanotti, Zorzi, Gregori, Ferro, Cappelli, Cattani, Cavallo,
  De Vita, Di Martino, Mazzoleni, Paganini, Parodi, Repetto, Scarpa, Lo Presti, D'Alessandro,
  Sangalli, Bonacina, Confalonieri, Galimberti, Borsani, Cereda, Motta, Nava, Colombini, Brivio
`)

/** Name pools of the foreign communities; children born in Italy sometimes get an Italian name. */
export const FOREIGN_NAME_POOLS: Readonly<Record<NamePoolKey, NamePool>> = {
  romanian: {
    male: list(
      'Andrei, Ion, Mihai, Alexandru, Gheorghe, Constantin, Florin, Marius, Adrian, Ionuț, Vasile, Bogdan, Ștefan, Cosmin, Dorin',
    ),
    female: list(
      'Maria, Elena, Ioana, Andreea, Alexandra, Mihaela, Gabriela, Cristina, Daniela, Ana, Nicoleta, Florentina, Roxana, Larisa, Georgiana',
    ),
    surnames: list(
      'Popescu, Ionescu, Popa, Pop, Radu, Dumitru, Stan, Stoica, Gheorghe, Matei, Ciobanu, Rusu, Munteanu, Constantin, Moldovan, Lungu, Marin, Dinu, Toma, Sandu',
    ),
  },
  arabic: {
    male: list(
      'Mohamed, Ahmed, Mahmoud, Mostafa, Youssef, Omar, Ali, Hassan, Khaled, Karim, Said, Rachid, Hamza, Amir, Ibrahim, Adam, Tarek, Walid',
    ),
    female: list(
      'Fatima, Aisha, Mariam, Nour, Salma, Yasmine, Khadija, Amina, Hana, Sara, Layla, Samira, Rania, Zineb, Imane, Dina, Heba',
    ),
    surnames: list(
      'Mohamed, Ahmed, Hassan, Ali, Ibrahim, Mahmoud, Abdelrahman, Saleh, Mansour, El Sayed, Farouk, Benali, El Amrani, Bennani, Alaoui, Haddad, Khalil, Nasser, Tahiri, Gamal',
    ),
  },
  chinese: {
    male: list('Wei, Jun, Hao, Lei, Ming, Jian, Yong, Tao, Bin, Zhiwei, Haoran, Jie, Peng, Qiang, Chao'),
    female: list('Li, Fang, Jing, Xiaoling, Mei, Yan, Hui, Ying, Xin, Lin, Yu, Na, Juan, Ting, Lan'),
    surnames: list(
      'Hu, Zhou, Chen, Wang, Zhang, Li, Liu, Yang, Huang, Zhao, Wu, Xu, Sun, Ma, Zhu, Lin, Ye, Jin, Pan, Dong',
    ),
  },
  filipino: {
    male: list(
      'Jose, Juan, Mark, John Paul, Jerome, Rodel, Ronaldo, Ramon, Carlo, Jayson, Michael, Ariel, Noel, Rolando, Christian',
    ),
    female: list(
      'Maria Cristina, Rowena, Marites, Jocelyn, Marilou, Lorna, Maricel, Grace, Joy, Liza, Rosalie, Analyn, Mary Ann, Jennifer, Cherry',
    ),
    surnames: list(
      'Santos, Reyes, Cruz, Bautista, Garcia, Mendoza, Ramos, Villanueva, Aquino, Dela Cruz, Castillo, Flores, Gonzales, Torres, Navarro, Manalo, Domingo, Mercado, Soriano, Pascual',
    ),
  },
  hispanic: {
    male: list(
      'Luis, Carlos, Jorge, José Luis, Juan Carlos, Miguel, Pedro, Javier, Fernando, Ricardo, Hugo, Oscar, Edwin, Wilson, Franklin',
    ),
    female: list(
      'Rosa María, Carmen, Gladys, Maribel, Milagros, Yolanda, Patricia, Ana María, Lucía, Sandra, Karina, Mónica, Elizabeth, Daysi, Verónica',
    ),
    surnames: list(
      'Quispe, Flores, Rodríguez, García, Sánchez, Ramírez, Torres, Mendoza, Vargas, Chávez, Gutiérrez, Rojas, Huamán, Castro, Zambrano, Vera, Morales, Guzmán, Paredes, López',
    ),
  },
  albanian: {
    male: list(
      'Arben, Besnik, Ilir, Gentian, Erion, Altin, Arjan, Ermal, Klodian, Dritan, Fatos, Kledi, Endri, Flamur, Bledar',
    ),
    female: list(
      'Elira, Anila, Arta, Blerina, Ermira, Mirela, Ledia, Jonida, Elona, Albana, Dorina, Entela, Valbona, Teuta, Brunilda',
    ),
    surnames: list(
      'Hoxha, Shehu, Leka, Kola, Gjoka, Marku, Dervishi, Prifti, Cela, Meta, Basha, Dedja, Gashi, Berisha, Krasniqi, Hysa, Lika, Koci, Bregu, Rama',
    ),
  },
  ukrainian: {
    male: list(
      'Oleksandr, Andriy, Serhiy, Volodymyr, Mykola, Dmytro, Ivan, Yuriy, Vasyl, Taras, Ihor, Petro, Roman, Viktor, Bohdan',
    ),
    female: list(
      'Olena, Natalia, Iryna, Oksana, Tetiana, Svitlana, Halyna, Nadiya, Lyudmyla, Yulia, Kateryna, Mariya, Anastasiia, Valentyna, Larysa',
    ),
    surnames: list(
      'Shevchenko, Kovalenko, Bondarenko, Tkachenko, Kravchenko, Melnyk, Kovalchuk, Boyko, Oliynyk, Polishchuk, Savchenko, Marchenko, Rudenko, Lysenko, Moroz, Petrenko, Kozak, Pavlenko, Hnatiuk, Kuzmenko',
    ),
  },
  sinhala: {
    male: list(
      'Nimal, Sunil, Chaminda, Ruwan, Kasun, Pradeep, Dinesh, Lasantha, Mahesh, Nuwan, Saman, Tharindu, Kamal, Asanka, Chathura',
    ),
    female: list(
      'Nadeeka, Dilani, Chamari, Sanduni, Nirosha, Kumari, Priyanka, Shalini, Anusha, Madhavi, Tharushi, Iresha, Sewwandi, Dilrukshi, Malini',
    ),
    surnames: list(
      'Perera, Fernando, De Silva, Silva, Jayasinghe, Bandara, Wickramasinghe, Dissanayake, Gunawardena, Rathnayake, Herath, Kumara, Senanayake, Wijesinghe, Ranasinghe, Peiris, Mendis, Jayawardena, Weerasinghe, Karunaratne',
    ),
  },
  bengali: {
    male: list(
      'Mohammad, Abdul, Rahim, Rafiq, Shahid, Imran, Arif, Jahid, Rakib, Sohel, Tanvir, Faisal, Nasir, Rasel, Kamrul',
    ),
    female: list(
      'Nasrin, Shirin, Fatema, Rokeya, Sultana, Taslima, Ruma, Jesmin, Farzana, Sumaiya, Nusrat, Shahana, Rehana, Afroza, Mitu',
    ),
    surnames: list(
      'Hossain, Rahman, Islam, Uddin, Ahmed, Miah, Akter, Begum, Khan, Chowdhury, Sarkar, Alam, Haque, Sheikh, Mondal, Talukder, Bhuiyan, Kabir, Siddique, Das',
    ),
  },
  senegalese: {
    male: list('Mamadou, Ibrahima, Moussa, Cheikh, Abdoulaye, Ousmane, Modou, Amadou, Serigne, Babacar'),
    female: list('Aminata, Fatou, Awa, Mariama, Khady, Coumba, Ndeye, Astou, Rokhaya, Aissatou'),
    surnames: list('Diop, Ndiaye, Fall, Sow, Ba, Gueye, Diallo, Faye, Seck, Sarr, Mbaye, Cisse'),
  },
  'west-african': {
    male: list('Chinedu, Emeka, Oluwaseun, Kwame, Kofi, Samuel, Daniel, Emmanuel, Joseph, Godwin'),
    female: list('Blessing, Grace, Esther, Abena, Ama, Chioma, Ngozi, Adaeze, Joy, Mercy'),
    surnames: list('Okafor, Okonkwo, Adeyemi, Eze, Obi, Mensah, Owusu, Boateng, Asante, Osei, Nwosu, Adjei'),
  },
  eritrean: {
    male: list('Yonas, Dawit, Tesfay, Habtom, Samuel, Filmon, Michael, Yohannes, Mulugeta, Biniam'),
    female: list('Selam, Helen, Meron, Senait, Hiwet, Luwam, Saba, Ruth, Yordanos, Almaz'),
    surnames: list(
      'Tesfamariam, Gebremedhin, Haile, Tekle, Woldu, Ghebreyesus, Kidane, Berhane, Mehari, Asmerom',
    ),
  },
  brazilian: {
    male: list('João, Pedro, Lucas, Gabriel, Rafael, Felipe, Thiago, Bruno, Rodrigo, Gustavo'),
    female: list('Ana, Juliana, Fernanda, Camila, Beatriz, Larissa, Mariana, Patrícia, Aline, Letícia'),
    surnames: list('Silva, Santos, Oliveira, Souza, Lima, Pereira, Ferreira, Costa, Rodrigues, Almeida'),
  },
  french: {
    male: list('Jean, Pierre, Nicolas, Julien, Thomas, Antoine, Mathieu, Olivier, Philippe, Louis'),
    female: list('Marie, Camille, Julie, Sophie, Claire, Céline, Élodie, Manon, Chloé, Léa'),
    surnames: list('Martin, Bernard, Dubois, Thomas, Robert, Richard, Petit, Durand, Leroy, Moreau'),
  },
}

export const ITALIAN_NAME_POOL: NamePool = {
  male: ITALIAN_MALE_NAMES,
  female: ITALIAN_FEMALE_NAMES,
  surnames: ITALIAN_SURNAMES,
}
