"""Fictional names and places for the synthetic area (common UK names, no real people)."""

GIVEN_FEMALE = (
    "Olivia Amelia Isla Ava Mia Ivy Lily Isabella Rosie Sophia Grace Freya Willow Florence "
    "Emily Ella Poppy Evie Elsie Charlotte Evelyn Sienna Daisy Phoebe Sofia Alice Harper "
    "Matilda Ruby Emilia Maya Millie Aisha Zara Maryam Hannah Chloe Megan Jessica Amy Laura "
    "Sarah Rebecca Kayleigh Jade Gemma Nicola Lisa Joanne Claire Priya Fatima Amira Nadia "
    "Agnieszka Oliwia Chiamaka Adaeze Ewa Niamh Siobhan Rhian Cerys Bethan Leah Kirsty"
).split()
GIVEN_MALE = (
    "Noah Oliver George Arthur Muhammad Leo Harry Oscar Archie Henry Theodore Freddie Jack "
    "Charlie Theo Alfie Jacob Thomas Finley Arlo William Lucas Roman Tommy Isaac Teddy Alexander "
    "Luca Edward James Joshua Albie Elijah Max Mohammed Reuben Mason Sebastian Rory Jude Louie "
    "Daniel Ryan Craig Jason Liam Connor Kyle Dean Lee Mark Paul Darren Wayne Adam Imran Yusuf "
    "Kacper Jakub Emeka Chidi Tomasz Osian Gareth Dylan Callum Euan"
).split()
FAMILY = (
    "Smith Jones Williams Taylor Brown Davies Evans Wilson Thomas Johnson Roberts Robinson "
    "Thompson Wright Walker White Edwards Hughes Green Hall Lewis Harris Clarke Patel Jackson "
    "Wood Turner Martin Cooper Hill Ward Morris Moore Clark Lee King Baker Harrison Morgan Allen "
    "James Scott Phillips Watson Davis Parker Price Bennett Young Griffiths Mitchell Kelly Cook "
    "Carter Richardson Bailey Collins Bell Shaw Murphy Miller Cox Richards Khan Marshall "
    "Anderson Simpson Ellis Adams Singh Begum Wilkinson Foster Chapman Powell Webb Rogers Gray "
    "Mason Ali Hussain Campbell Matthews Owen Palmer Holmes Mills Barnes Knight Lloyd Butler "
    "Russell Barker Fisher Stevens Jenkins Murray Dixon Harvey Kowalski Nowak Okafor Adeyemi "
    "Mensah Osei Ahmed Rahman Chowdhury Nguyen Silva Costa"
).split()
STREETS = (
    "Orchard Way, Mill Lane, Station Road, Quay Street, Coronation Terrace, Linden Close, "
    "Victoria Road, Brook Street, Meadow Rise, Church Walk, Dock Road, Park Avenue, High Street, "
    "Harbour View, Kings Court, Elm Road, Queens Drive, Chapel Street, Albert Road, Manor Way, "
    "Beech Grove, Willow Crescent, Ash Close, Oak Avenue, Castle Street, Market Place, "
    "Bridge Street, Riverside, North Street, South Parade, West End, Eastfield Road, Hill Rise, "
    "Farm Lane, Green Lane, Newton Street, Cromwell Road, Nelson Street, Trafalgar Place, "
    "Shakespeare Road, Milton Avenue, Byron Close, Tennyson Way, Wordsworth Drive, Keats Grove"
).split(", ")
