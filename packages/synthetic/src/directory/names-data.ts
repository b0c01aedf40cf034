import { en } from '@faker-js/faker';

// Names for practitioners and practices. Real directories are dominated by common names (the US Census
// surname ranks, the SSA first names of the 1955-1995 birth years practitioners were born in, with the
// surnames of the many South and East Asian and Hispanic physicians), so most names come from these
// lists and the rest from faker's long tail for variety.

const split = (text: string): readonly string[] => text.trim().split(/\s+/);

export const COMMON_SURNAMES = split(`
  Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Gonzalez Wilson
  Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris Sanchez Clark Ramirez Lewis Robinson
  Walker Young Allen King Wright Scott Torres Nguyen Hill Flores Green Adams Nelson Baker Hall Rivera Campbell
  Mitchell Carter Roberts Gomez Phillips Evans Turner Diaz Parker Cruz Edwards Collins Reyes Stewart Morris Morales
  Murphy Cook Rogers Gutierrez Ortiz Morgan Cooper Peterson Bailey Reed Kelly Howard Ramos Kim Cox Ward Richardson
  Watson Brooks Chavez Wood James Bennett Gray Mendoza Ruiz Hughes Price Alvarez Castillo Sanders Patel Myers Long
  Ross Foster Jimenez Powell Jenkins Perry Russell Sullivan Bell Coleman Butler Henderson Barnes Fisher Vasquez
  Simmons Romero Jordan Patterson Alexander Hamilton Graham Reynolds Griffin Wallace Moreno West Cole Hayes Bryant
  Herrera Gibson Ellis Tran Medina Aguilar Stevens Murray Ford Castro Marshall Owens Harrison Fernandez McDonald
  Woods Washington Kennedy Wells Vargas Henry Chen Freeman Webb Tucker Guzman Burns Crawford Olson Simpson Porter
  Hunter Gordon Mendez Silva Shaw Snyder Mason Dixon Munoz Hunt Hicks Holmes Palmer Wagner Black Robertson Boyd
  Rose Stone Salazar Fox Warren Mills Meyer Rice Schmidt Garza Daniels Ferguson Nichols Stephens Soto Weaver Ryan
  Gardner Payne Grant Dunn Kelley Spencer Hawkins Arnold Pierce Hansen Peters Santos Hart Bradley Knight Elliott
  Cunningham Duncan Armstrong Hudson Carroll Lane Riley Andrews Ray Delgado Berry Perkins Hoffman Johnston
  Matthews Richards Contreras Willis Carpenter Lawrence Sandoval Shah Singh Wang Li Zhang Liu Chang Huang Park
  Choi Khan Ali Gupta Kumar Sharma Das Mehta Reddy Rao Iyer Cohen Friedman Schwartz O'Brien Kowalski Novak Russo
`);

const FEMALE = split(`
  Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Lisa Nancy Sandra Ashley Kimberly Donna
  Emily Michelle Carol Amanda Melissa Deborah Stephanie Rebecca Laura Sharon Cynthia Kathleen Amy Angela Anna
  Brenda Pamela Nicole Samantha Katherine Christine Rachel Heather Catherine Maria Julie Megan Andrea Erin Lauren
  Kelly Christina Tiffany Jamie Monica Priya Aisha Mei Grace Hannah Alicia Diana Natalie Victoria Allison Sara
  Kristen Danielle Vanessa Veronica Leslie Courtney Jacqueline Wendy Tracy Denise Tamara Yolanda Rosa Carmen Ana
  Lucia Elena Sonia Anita Neha Sunita Lin Jing Min Fatima Leah Caroline Claire Molly Erica Holly Kathryn Margaret
  Joan Diane Janet Theresa Beth Shannon Lindsay Kristin Valerie Joanna Alison Meredith Naomi Esther
`);

const MALE = split(`
  James Robert John Michael David William Richard Joseph Thomas Charles Christopher Daniel Matthew Anthony Mark
  Donald Steven Paul Andrew Joshua Kenneth Kevin Brian George Timothy Ronald Jason Edward Jeffrey Ryan Jacob Gary
  Nicholas Eric Jonathan Stephen Larry Justin Scott Brandon Benjamin Samuel Gregory Alexander Patrick Frank
  Raymond Jack Dennis Jerry Tyler Aaron Jose Adam Nathan Henry Douglas Zachary Peter Kyle Ethan Jeremy Walter
  Christian Keith Roger Terry Sean Gerald Carl Harold Arthur Lawrence Jordan Jesse Bryan Bruce Gabriel Alan
  Eugene Russell Vincent Philip Bradley Rajesh Vikram Amit Sanjay Wei Jun Omar Ahmed Ali Hassan Carlos Luis
  Miguel Juan Jorge Antonio Alejandro Ricardo Manuel Francisco Marcus Andre Darnell Malik Curtis Derek Travis
  Shawn Craig Todd Neil Martin Victor Howard Stanley Leonard Hector Ravi Arjun Kenji Daniel Tuan
`);

export const COMMON_FIRST: Readonly<Record<'female' | 'male', readonly string[]>> = { female: FEMALE, male: MALE };

/** faker's (uniform, long-tailed) English name lists. */
export const FAKER_SURNAMES: readonly string[] = en.person?.last_name?.generic ?? [];
export const FAKER_FIRST: Readonly<Record<'female' | 'male', readonly string[]>> = {
  female: en.person?.first_name?.female ?? [],
  male: en.person?.first_name?.male ?? [],
};
