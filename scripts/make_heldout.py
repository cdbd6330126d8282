#!/usr/bin/env python3
"""Write the held-out de-identification test set (text only, no audio).

    python3 scripts/make_heldout.py eval/heldout [--n 8] [--seed 20240611]

Writes <out>/heldout_NN.truth.json in the format of the synthetic corpus's
*.truth.json files: {id, audio, duration, speakers, sha256, turns}; every turn has
{speaker, start, end, text, identifiers}, and every identifier {type, text, start,
end} with character offsets into that turn's text.

The interviews below were written by hand by someone who had not seen the project's
recognizers, so that scoring on them measures how well redaction generalizes. They are
a held-out set: never tune patterns, lists or thresholds against them. Every person,
organization, address, number and account in them is invented (phone numbers use 555).

Markup: {TYPE|text} marks an identifier; everything else is kept on purpose (states,
countries, years, ages under 90, durations, relative times, job titles, generic
places). The seed only drives timings and voice labels; the words never change.
Standard library only.
"""
from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path

TYPES = {"PERSON", "ORGANIZATION", "LOCATION", "DATE", "PHONE", "EMAIL", "SSN", "A_NUMBER",
         "CASE_NUMBER", "MEDICAID_ID", "ACCOUNT_NUMBER", "URL", "IP_ADDRESS", "AGE"}
MARK = re.compile(r"\{([A-Z_]+)\|([^{}|]+)\}")
VOICES = ["en-us+f3", "en-us+f4", "en-gb+m3", "en-us+m3", "en-gb+f2",
          "(voice_kal_diphone)", "(voice_ked_diphone)", "(voice_cmu_us_slt_arctic_hts)"]

# Each interview: S1 is always the interviewer; every other speaker is a participant.
INTERVIEWS = [
    # 01: child-protection intake investigator, one-to-one (Illinois)
    ["S2", [
        ("S1", "Okay, I think we're recording. Thanks for squeezing this in on a Friday. Could you start by telling me what the job actually involves, day to day?"),
        ("S2", "Sure. So I'm {PERSON|Renata Kowalczyk}, though honestly everybody at work calls me {PERSON|Ren}. I'm an intake investigator, child protection, and I've been at it going on nine years."),
        ("S1", "Nine years is a long time in that line of work."),
        ("S2", "It is, yeah. Most of the people I started with are gone. I'm out of the {LOCATION|Aurora} field office, so we cover most of {LOCATION|Kane County} plus whatever overflow they send our way."),
        ("S1", "What kinds of reports end up on your desk?"),
        ("S2", "Everything. Neglect, mostly. Lack of supervision, little ones home alone, no food in the fridge. Then the physical abuse calls, which are fewer, but those are the ones that keep you up at night."),
        ("S1", "Is there one that has stayed with you? You don't need to use names."),
        ("S2", "Yeah, there's one. A nurse at {ORGANIZATION|Rush Copley Medical Center} called the hotline about a baby, three months old, with a spiral fracture on the arm. That was {DATE|March 14th}, I remember because somebody had brought pie in for Pi Day."),
        ("S1", "What happened when you got there?"),
        ("S2", "The mom, {PERSON|Yesenia}, she was nineteen, she was sitting on the floor out in the hallway. She kept saying he rolled off the couch, he rolled off the couch."),
        ("S1", "And you had to figure out whether that fit."),
        ("S2", "Right, and it didn't. A baby that age doesn't roll like that. So then you're trying to find the dad, {PERSON|Marcus Bell}, and he's not picking up."),
        ("S1", "How do you even track someone down in that situation?"),
        ("S2", "Facebook, half the time, I'm not proud of it. But this time his great-grandmother called me back. Sweetest woman, she was {AGE|ninety-one} and still living on her own over on {LOCATION|Galena Boulevard}."),
        ("S1", "Wow."),
        ("S2", "She gave me the number for his job, he was on second shift at a warehouse out in {LOCATION|Montgomery}. I must have called it twenty times. {PHONE|Six three oh, five five five, zero one four eight}. It's burned into my brain."),
        ("S1", "Did he eventually come in?"),
        ("S2", "Two days later, with a lawyer. It went to juvenile court, the petition was {CASE_NUMBER|2022-JA-00317}, and I had to testify at the temporary custody hearing on {DATE|the seventeenth}."),
        ("S1", "What is that like, testifying?"),
        ("S2", "Terrifying the first few times. Now it's just long. You sit on a bench in the hallway for four hours and then you're on the stand for ten minutes."),
        ("S1", "Let's step back a little. What training did you get when you started?"),
        ("S2", "Six weeks of classroom down in {LOCATION|Springfield}, and then you shadow somebody. I shadowed {PERSON|Dolores Whitfield}. She'd been doing it since the nineties and she taught me more in a month than the whole academy did."),
        ("S1", "What sort of things did she teach you?"),
        ("S2", "How to knock on a door. I'm serious. Where to stand, how not to look like the police, when to sit down. She used to say, you're a guest in their kitchen, act like it."),
        ("S1", "That's a good line."),
        ("S2", "She retired to Florida a couple years ago. I still text her when I get a bad one."),
        ("S1", "How has the job changed since you started?"),
        ("S2", "Paperwork. Everything lives in the system now and it's slower than paper ever was. And then last year somebody got phished, and security sent around a memo saying a login had come in from {IP_ADDRESS|73.158.204.19} and nobody should click anything, ever."),
        ("S1", "Did that affect you directly?"),
        ("S2", "They locked every account for a day. So I was writing contact notes on a legal pad in my car, in the rain, like it was nineteen ninety-five."),
        ("S1", "What about supervision? How supported do you feel?"),
        ("S2", "Depends who you get. Right now I have {PERSON|Tom Grady}, and he's fine, he picks up the phone. Before him it was rough."),
        ("S1", "What makes a supervisor good in this work?"),
        ("S2", "Someone who'll ride out with you when it's scary. And who remembers you're a person. When my dad got sick last spring, {PERSON|Tom} just said go, we'll cover your cases."),
        ("S1", "Do you think about leaving?"),
        ("S2", "Every winter. Winter's the worst, everybody's sick, the calls go up, the roads are terrible."),
        ("S1", "What would make you stay longer?"),
        ("S2", "Smaller caseloads. That's it, that's the whole answer. Maybe a car that doesn't smell like a daycare."),
        ("S1", "If we have follow-up questions, what's the best way to reach you?"),
        ("S2", "Email's best. {EMAIL|ren dot kowalczyk at gmail dot com}. Please don't use my work one, they read everything."),
        ("S1", "Got it. And is it alright if a colleague of mine, {PERSON|Abdirahman}, gets in touch about the second part of the study?"),
        ("S2", "Sure, that's fine."),
        ("S1", "Thank you, {PERSON|Ren}. This has been really helpful."),
        ("S2", "Of course. Good luck with it."),
    ]],

    # 02: Afghan asylum seeker (S2) with a community interpreter (S3); California
    ["S2 S3", [
        ("S1", "Thank you both for coming in today. {PERSON|Wahid}, I'll ask my questions in English and {PERSON|Mariam} will put them into Dari for you. Stop us whenever you like."),
        ("S3", "He says thank you, and that he is happy to do this if it can help other people who come after him."),
        ("S1", "Could he tell me a little about how he came to the United States?"),
        ("S3", "He says he left Afghanistan in twenty twenty-two, about a year after the government fell. He had worked for a foreign company at the airport in {LOCATION|Kabul}, so he was afraid for his life. He went first to Iran, then Turkey, and from Turkey he flew to Brazil."),
        ("S1", "Brazil?"),
        ("S2", "Yes, Brazil. Then walking. Many, many countries."),
        ("S3", "He says from Brazil they took buses and walked, through Colombia and Panama, the jungle, all the way up to Mexico. It took almost five months."),
        ("S1", "That's an enormous journey. Was he on his own?"),
        ("S3", "He was with his cousin, {PERSON|Jawad}. His cousin lives in Virginia now. They talk on the phone most days."),
        ("S1", "Where did he cross?"),
        ("S3", "Near {LOCATION|Tijuana}. They walked up to the border patrol and asked for protection, and he was taken to {LOCATION|Otay Mesa Detention Center}. He stayed forty-three days."),
        ("S1", "What was it like inside?"),
        ("S3", "He says it was cold all the time and the lights were never off. He did not know anybody. There was one officer, a woman, who sometimes gave him extra bread. He never learned her name."),
        ("S1", "How did he get out?"),
        ("S3", "A lawyer from {ORGANIZATION|Pacific Asylum Network}, {PERSON|Elizabeth Marsh}, came to see him. She did the paperwork so he could be released to his cousin's address."),
        ("S1", "Does he remember when his court date is?"),
        ("S2", "Yes. {DATE|October ninth}. I have the paper."),
        ("S3", "He says the paper also has his number, the alien number. He knows it by heart."),
        ("S2", "{A_NUMBER|A two four one, three zero seven, nine nine two}."),
        ("S1", "Is he comfortable with that being on the recording? We'll take it out of the transcript."),
        ("S3", "He says yes, it is okay, everybody asks for it. He says it is like his name now."),
        ("S1", "Where is he living now?"),
        ("S3", "In {LOCATION|El Cajon}, with three other men from Afghanistan, in an apartment on {LOCATION|Mollison Avenue}."),
        ("S1", "And who helps him day to day?"),
        ("S3", "There is a case manager at {ORGANIZATION|Afghan Community Bridge}, her name is {PERSON|Soraya}. She helps with everything, the food stamps, the clinic, the bus pass."),
        ("S1", "How is the food assistance working for him?"),
        ("S3", "He says at first the card did not work at the store. {PERSON|Soraya} called the office and read them the card number, {ACCOUNT_NUMBER|5077 1420 9936 1184}, and after that it was fine."),
        ("S1", "What has been the hardest thing since he arrived?"),
        ("S3", "His family. His wife and his two daughters are still in {LOCATION|Mazar-i-Sharif}. The youngest was born after he left. She is one year old and he has only seen her on video."),
        ("S1", "I'm so sorry."),
        ("S3", "He says he talks to them every night. The internet there is bad, sometimes there is only voice, no picture."),
        ("S1", "Has he been able to work?"),
        ("S3", "He applied for the work permit and waited a long time. He says it finally came {DATE|last Tuesday the 4th}."),
        ("S1", "Congratulations."),
        ("S2", "Thank you. I am very happy."),
        ("S3", "He wants to drive, a taxi or a delivery truck. He drove for many years in {LOCATION|Kabul}."),
        ("S1", "What would he say to the people who design services for people in his situation?"),
        ("S3", "He says please have more interpreters who speak Dari, not only Farsi. They are close, but they are not the same, and when you are telling someone your life, the small words matter."),
        ("S1", "That's an important point. Is there a way our team can contact him later?"),
        ("S2", "Phone. {PHONE|619 555 0172}. WhatsApp also, same number."),
        ("S1", "And an email?"),
        ("S2", "{EMAIL|wahid.sultani92@gmail.com}."),
        ("S1", "Is there anything else he'd like to add?"),
        ("S3", "He says only thank you to {PERSON|Elizabeth}. Without her he would still be inside."),
        ("S1", "Thank you, {PERSON|Wahid}. And thank you, {PERSON|Mariam}."),
    ]],

    # 03: foster parents, a married couple (Texas)
    ["S2 S3", [
        ("S1", "Thanks for having me over. Before we start, I just want to confirm you're both okay with the recording?"),
        ("S2", "Yes, that's fine, for both of us."),
        ("S1", "Great. So how long have the two of you been fostering?"),
        ("S2", "Our license came through in the spring of twenty eighteen? So a little over five years."),
        ("S3", "Five and a half. And eleven kids in that time, if you count respite."),
        ("S1", "Eleven. What made you decide to do it?"),
        ("S2", "We couldn't have our own, and my sister fostered up in Oklahoma for years, and she kept telling us, you two would be good at this."),
        ("S3", "I was not convinced. I grew up in Ghana with cousins always in the house, so to me that part was normal. But the licensing, the home study, all the forms, that part I did not enjoy."),
        ("S1", "Which agency are you licensed through?"),
        ("S2", "{ORGANIZATION|Bluebonnet Youth Alliance}, out of {LOCATION|San Antonio}. Our worker there is {PERSON|Felicia Adebayo}, and she is wonderful."),
        ("S3", "She answers texts at eleven at night. That's how you know."),
        ("S1", "Tell me about your first placement."),
        ("S2", "Our first was a little girl named {PERSON|Hope}. She was four. She came at two in the morning with a trash bag of clothes that didn't fit her."),
        ("S3", "And one shoe. I always remember that. One shoe."),
        ("S1", "How long was she with you?"),
        ("S2", "A little over a year. She went home to her mom in the end, which is what everybody wanted."),
        ("S1", "How was that for you?"),
        ("S2", "Awful. Good, but awful. You pack their things and you smile, and then you sit in the car and cry."),
        ("S3", "We still get a card from her at Christmas. Her mom sends it."),
        ("S1", "Who's living with you right now?"),
        ("S2", "A sibling pair, {PERSON|Luz} and {PERSON|Mateo}. {PERSON|Luz} is seven and {PERSON|Mateo} just turned eleven."),
        ("S1", "How are they settling in?"),
        ("S2", "He started at {ORGANIZATION|Roosevelt Middle School} this fall and it's been rough. Four placements before us, so he's behind, and he knows he's behind."),
        ("S3", "The teachers are trying. There's a counsellor there, Mr. {PERSON|Okonkwo}, who checks in on him every Monday."),
        ("S1", "What's been the hardest part of this placement?"),
        ("S2", "Honestly? The medical stuff. She has asthma, and her coverage wasn't active when she came to us, so the pharmacy kept turning us away."),
        ("S3", "Three days with no inhaler. Three days."),
        ("S2", "I finally got somebody at the state on the phone and she read me the Medicaid number, {MEDICAID_ID|five one seven, three three eight, two oh four}, and then said it would be another forty-eight hours before the pharmacy could see it."),
        ("S3", "We felt like we were at the mercy of some computer."),
        ("S1", "How do visits with their parents work?"),
        ("S2", "Their mom gets visits every other Tuesday at the agency office. Their dad, {PERSON|Rolando}, we've never met. He was deported to Guatemala in twenty twenty, from what the caseworker told us."),
        ("S1", "Do you have contact with the mom yourselves?"),
        ("S2", "Some. We had her over for the little one's birthday, on {DATE|the twenty-second}. It was awkward at first and then it was fine."),
        ("S1", "Has anything gone wrong on the logistics side?"),
        ("S3", "Last month the transport driver went to {LOCATION|Cedar Lane} instead of {LOCATION|fourteen twelve Cedar Avenue}, so she sat in a car for an hour after her visit, crying."),
        ("S2", "And court. We're not even parties but we go to every hearing. The last one was the permanency hearing, cause number {CASE_NUMBER|2023-PA-01187}. They extended it another six months. Which, fine, but nobody tells the kids anything. He asked me in the car, so am I staying or not, and I just didn't have an answer."),
        ("S1", "What support do you wish you had?"),
        ("S3", "Respite. Real respite, somebody trained, so we can go to a movie once a month."),
        ("S2", "And a grace period on the paperwork. Every month there's a new form, and if you miss one the reimbursement stops."),
        ("S1", "How does the reimbursement work?"),
        ("S2", "Direct deposit. I had to read our account number over the phone three times, {ACCOUNT_NUMBER|four four oh one nine two seven three six five}, and they still got it wrong. It took six weeks to fix."),
        ("S1", "If someone from the study wants to follow up, how should they reach you?"),
        ("S2", "My cell is fine, {PHONE|210-555-0193}, or email me at {EMAIL|dholloway.tx@yahoo.com}."),
        ("S1", "Thank you both, {PERSON|Denise} and {PERSON|Kwame}. Any last thoughts?"),
        ("S3", "Just that the kids are not the problem. The system is the problem. The kids are just kids."),
    ]],

    # 04: focus group with four unaccompanied minors at a shelter (Arizona)
    ["S2 S3 S4 S5", [
        ("S1", "Okay, so like I said, there are no right or wrong answers, and you can skip anything you want. We're only using first names today. Who wants to start, just your name and how long you've been here?"),
        ("S2", "I'll go. I'm {PERSON|Byron}, I'm seventeen, I been at {ORGANIZATION|Casa Nueva Vida} like two months?"),
        ("S3", "{PERSON|Yaquelin}. Sixteen. Three weeks."),
        ("S4", "I'm {PERSON|Kevin}, seventeen also. I came {DATE|on the ninth}, so almost a month."),
        ("S5", "{PERSON|Dilcia}. Sixteen. I been here the longest, since {DATE|February 3rd}."),
        ("S1", "Thank you. So first, what do you remember about when you arrived?"),
        ("S3", "Honestly I was so tired I don't remember a lot. First they took me to the hospital because my feet were bleeding, then they gave us a shower and clothes and a little bag with a toothbrush."),
        ("S2", "They took our picture and fingerprints. And they give you a paper with your number on it."),
        ("S1", "Your number?"),
        ("S2", "Yeah, the A number. Mine is, wait, I have it here. {A_NUMBER|A 209 114 387}. They tell you don't lose it, it's the most important thing."),
        ("S5", "Everybody memorizes it. Mine is {A_NUMBER|two one eight, four four seven, oh three nine}. I say it every night like a prayer."),
        ("S1", "What was the trip like for you, if you're okay talking about it?"),
        ("S5", "It's okay. I came from {LOCATION|Huehuetenango} with my cousin. We took buses through Mexico, like three weeks. In {LOCATION|Reynosa} we waited a long time."),
        ("S4", "I came alone, from {LOCATION|Soyapango}. My mom paid somebody, I don't know how much, she don't want to tell me."),
        ("S1", "Do you get to talk to your families?"),
        ("S4", "Every Sunday. They let us call for ten minutes. Ten minutes is nothing."),
        ("S3", "My mom is in Honduras with my little brothers. My dad is here, in {LOCATION|Houston}, since 2019. He's gonna be my sponsor."),
        ("S1", "How's that process going?"),
        ("S3", "Slow. The case manager, Miss {PERSON|Carolina}, says they need his papers and a background check, and they have to call him and visit the house."),
        ("S2", "For me it's my uncle, {PERSON|Efraín Tzul}. He lives in {LOCATION|Omaha}, in Nebraska. He works at a meat plant there, {ORGANIZATION|Prairie Valley Packing}."),
        ("S1", "Have you been able to talk with him?"),
        ("S2", "Yeah, he calls. His number is {PHONE|four zero two, five five five, zero one six one}. The first days I wrote it on my hand so I don't forget."),
        ("S1", "What about classes? Do you have classes here?"),
        ("S5", "Yes, in the morning. English and math. The teacher is nice, Mr. {PERSON|Halvorsen}, he's from Minnesota. He says we're gonna be ready for high school."),
        ("S4", "I want to study to be a mechanic. Back home I worked with my uncle fixing motorcycles since I was thirteen."),
        ("S1", "What's the hardest part of being here?"),
        ("S3", "Not knowing. Like, when am I leaving, where am I going. Nobody knows nothing."),
        ("S4", "The rules. You can't do nothing without permission. You can't even hug your friend."),
        ("S2", "For me it's the food. No, for real. The tortillas here, no."),
        ("S5", "I miss my grandmother. She raised me. She's old, like really old, and I don't know if I'm gonna see her again."),
        ("S1", "{PERSON|Kevin}, you mentioned you have a hearing coming up?"),
        ("S4", "Yeah, I have court in {LOCATION|Phoenix} on {DATE|April 22nd}. My lawyer is from {ORGANIZATION|Sonoran Children's Defense}, her name is {PERSON|Abigail}."),
        ("S1", "Do you feel ready?"),
        ("S4", "No. But she says she's gonna explain everything before."),
        ("S1", "If you could tell the people who run places like this one thing, what would it be?"),
        ("S4", "Tell us the truth. Even if it's bad news."),
        ("S3", "Let us call more. Ten minutes is not enough."),
        ("S2", "And more soccer."),
        ("S5", "And let us go outside more. We are inside all day."),
        ("S1", "Is there anything else anyone wants to say before we finish?"),
        ("S3", "Thank you for asking us. Nobody asks us nothing."),
        ("S2", "Yeah. Thank you, miss."),
        ("S1", "Thank you all. Really."),
    ]],

    # 05: middle-school counsellor, one-to-one (Florida)
    ["S2", [
        ("S1", "Thanks for making time during testing season. I know it's chaos."),
        ("S2", "Oh, it's chaos. You caught me on a planning period, so we're good until the bell."),
        ("S1", "Could you describe your role, for the recording?"),
        ("S2", "Sure. I'm {PERSON|Monique Dubois}, I'm one of two counsellors at {ORGANIZATION|Roosevelt Middle} here in {LOCATION|Tampa}. I have sixth and seventh grade, so roughly four hundred and fifty kids between me and my colleague."),
        ("S1", "Four hundred and fifty."),
        ("S2", "Four hundred and fifty. The recommended ratio is two fifty to one, so, you know. We do what we can."),
        ("S1", "What brings students to your office most often?"),
        ("S2", "Anxiety, first. Then friend drama, a lot of it online. And then we have a big group of newcomer students, kids who arrived in the last year or two, and a lot of what I do with them is just helping them feel safe."),
        ("S1", "Tell me more about the newcomers."),
        ("S2", "This year we got a big group from Haiti, a few from Ukraine, some from Venezuela. Some of them have been through things I can't imagine."),
        ("S1", "Is there a student whose story illustrates that?"),
        ("S2", "There's one girl, and I'll use her real first name because she told me she wants people to know, {PERSON|Grace}. She came from {LOCATION|Port-au-Prince} with her aunt on {DATE|the third of May}, right before end-of-year testing. She was thirteen. For a month she didn't say one word in class."),
        ("S1", "What helped her?"),
        ("S2", "Honestly, a lunch bunch. I started a lunch group for the Creole-speaking kids, and one of our paras, Mrs. {PERSON|Étienne}, would come sit with them. By spring {PERSON|Grace} was running the thing."),
        ("S1", "That's a wonderful turnaround."),
        ("S2", "It really is. I hope she knows how proud I am of her."),
        ("S1", "How do you coordinate with agencies outside the school?"),
        ("S2", "For longer-term therapy we send families to {ORGANIZATION|Gulf Coast Children's Counseling}, because they have Creole and Spanish clinicians. Their intake form is online, {URL|w w w dot gulfcoastkids dot org slash refer}."),
        ("S1", "And child protection, when does that come into it?"),
        ("S2", "More than I'd like. We're mandated reporters, so if a kid tells me something, I call the hotline, no debate. Last year I made, I think, fourteen reports."),
        ("S1", "What's that process like from your side?"),
        ("S2", "The hard part is afterwards. The investigator comes out, and sometimes the kid thinks I betrayed them. There was a boy everybody called {PERSON|Junebug}, real name {PERSON|DeShawn}, and after I made the call he wouldn't look at me for the rest of the year."),
        ("S1", "That must have been hard."),
        ("S2", "It was. He's in high school now. He stopped by over winter break and gave me a hug, so. That one I'll keep."),
        ("S1", "How do you keep in touch with parents?"),
        ("S2", "Depends on the family. A lot of our parents work two jobs, so I text more than I call. {PERSON|Grace}'s aunt, {PERSON|Marise}, works nights at {ORGANIZATION|Tampa General}, so I send her things and she answers at like five in the morning."),
        ("S1", "Does the record-keeping ever get in the way?"),
        ("S2", "Oh, the student information system. Every note I write hangs off a student number. I still know {PERSON|DeShawn}'s by heart, {ACCOUNT_NUMBER|20477193}, because one time I typed it wrong and my note landed in some other kid's file."),
        ("S1", "Yikes."),
        ("S2", "Yeah. We fixed it, but it took weeks, and it was a sensitive note."),
        ("S1", "Has anything about the job surprised you?"),
        ("S2", "How much of it is logistics. Bus passes, uniforms, glasses. A kid can't learn if they can't see the board. We had a girl last year who'd been squinting since fourth grade."),
        ("S1", "How do you take care of yourself in this work?"),
        ("S2", "Therapy. I'm serious. I see someone every other Thursday. And I walk, there's a trail along the bay near my house."),
        ("S1", "If we want to send you the summary, where should it go?"),
        ("S2", "My personal email is better, {EMAIL|monique dot dubois at icloud dot com}. Or text me, {PHONE|eight one three, five five five, oh one two seven}."),
        ("S1", "Anything else you'd want people to know?"),
        ("S2", "Just that we need more of us. One more counsellor in this building would change everything."),
        ("S1", "Thank you, {PERSON|Monique}."),
    ]],

    # 06: focus group of resettlement agency staff (Ohio)
    ["S2 S3 S4", [
        ("S1", "Okay, thanks everyone for staying after the staff meeting. Let's go around, just your name, what you do, and how long you've been here."),
        ("S2", "I'm {PERSON|Kasia Nowak}, case manager, going on six years at {ORGANIZATION|Amani Collective}."),
        ("S3", "{PERSON|Jean-Robert Valcourt}. I do employment. Three years here. Before that I was a client, actually."),
        ("S4", "{PERSON|Tatiana Rusu}, intake and benefits, about eighteen months."),
        ("S1", "{PERSON|Jean-Robert}, you were a client first?"),
        ("S3", "Yes. I came from Haiti in 2016, they resettled me here in {LOCATION|Columbus}, and my case manager, {PERSON|Solomon Tesfaye}, he is the one who told me to apply for this job."),
        ("S1", "How does that shape the way you work?"),
        ("S3", "I know what it is to sit in that chair and not understand the form. So I slow down. I don't rush people."),
        ("S1", "{PERSON|Kasia}, what does your caseload look like right now?"),
        ("S2", "Forty-two households, which is too many. Mostly Afghan families from the evacuation, a lot of Ukrainian parolees since 2022, and three Congolese families who landed {DATE|October 2nd}."),
        ("S1", "What's the biggest challenge with the Ukrainian families?"),
        ("S2", "They came on parole, not as refugees, so the benefits are different, and the rules change every few months. One week they're eligible for something and the next week nobody knows."),
        ("S4", "The Medicaid piece especially. Half my day is on hold."),
        ("S1", "Walk me through that."),
        ("S4", "Someone arrives, we apply within the first week, ideally, and then you wait. If the application gets kicked back you start over. I still have a sticky note on my monitor with a Medicaid number from my first month, {MEDICAID_ID|one oh four nine, three seven two two, eight one six five}, because that card took four months and I was so proud when it finally came."),
        ("S2", "She shows that sticky note to everybody."),
        ("S1", "What about Social Security?"),
        ("S3", "Social Security is its own world. We had a man whose card said {SSN|four one two, six seven, nine oh eight three}, and the payroll system had {SSN|412-76-9083}, two digits switched. He didn't get paid for three weeks."),
        ("S1", "Where was he working?"),
        ("S3", "At {ORGANIZATION|Buckeye Poultry}, on the night line. Most of my placements go there or to the warehouses out by the airport."),
        ("S1", "{PERSON|Tatiana}, what is intake like?"),
        ("S4", "Intake is the airport. You stand at arrivals with a sign. Last week I picked up a grandmother, she was {AGE|ninety-four}, traveling with her grandson, and she walked out of that gate holding his arm like a queen."),
        ("S1", "{AGE|Ninety-four}!"),
        ("S4", "Oldest arrival we've ever had. Her grandson, {PERSON|Habib}, is a sweet kid. He does all the talking for her."),
        ("S1", "How do you work with partners in the community?"),
        ("S2", "We lean on the churches a lot. {ORGANIZATION|St. Brendan's} has a furniture warehouse, and their volunteers do a lot of the rides. It's a faith-based group, but they don't push anything on anybody."),
        ("S3", "And the mosque on {LOCATION|Sawmill Road} does the halal food boxes every Friday."),
        ("S1", "Do you recruit volunteers yourselves?"),
        ("S2", "Constantly. If anyone hearing this wants to help, the sign-up is at {URL|www.amanicollective.org/volunteer}."),
        ("S1", "Has technology made the work easier or harder?"),
        ("S4", "Both. We had a phishing thing in the fall. Somebody got an email that looked like it came from our director, {PERSON|Marguerite}, asking for client files."),
        ("S2", "It was a good fake. It had her signature and everything."),
        ("S3", "The IT people said the login attempts came from {IP_ADDRESS|185.220.101.47}, somewhere overseas, and they blocked it. Now we have to do the code on the phone every time we sign in."),
        ("S1", "Did any client data get out?"),
        ("S4", "They say no. I hope not."),
        ("S1", "What keeps you going in this work?"),
        ("S3", "The day somebody gets their first paycheck. They always call me. Always."),
        ("S2", "For me it's the kids. When the kids start correcting their parents' English, you know they're going to be okay."),
        ("S4", "I'm still new. Ask me in a year."),
        ("S1", "If any of you want to be contacted for the second round, just leave me a way to reach you."),
        ("S2", "Put me down. {EMAIL|knowak@amanicollective.org}."),
        ("S3", "Me too. You can call me, {PHONE|614-555-0138}."),
        ("S1", "Great. Thank you all so much."),
    ]],

    # 07: Haitian asylum-seeking mother (S2) and adult daughter (S3) (Massachusetts)
    ["S2 S3", [
        ("S1", "Thank you both for meeting me. {PERSON|Wislande}, you'll help translate when your mom would rather answer in Creole, is that right?"),
        ("S3", "Yes. She understands English pretty good, but for the big things she wants Creole."),
        ("S1", "Perfect. {PERSON|Mirlande}, could you start wherever you like, with how you came here?"),
        ("S3", "She says we left {LOCATION|Port-de-Paix} in twenty twenty-one because of the gangs. My father was killed. So it was her, me, and my little brother, {PERSON|Dieunel}."),
        ("S1", "I'm very sorry."),
        ("S2", "Thank you. It is God's plan. We survive."),
        ("S3", "We went first to Chile, because my uncle was there. We lived in {LOCATION|Santiago} two years. Then we came up through Mexico to the border."),
        ("S1", "What happened at the border?"),
        ("S3", "We had the appointment on the app. We crossed at {LOCATION|Brownsville}, they kept us two days, and then a church paid our bus tickets to {LOCATION|Boston}. The first nights we slept at {LOCATION|Logan Airport}."),
        ("S1", "How long were you there?"),
        ("S3", "Eleven nights. My mom didn't sleep at all. She sat up watching our bags."),
        ("S2", "Eleven nights. I remember every one."),
        ("S1", "How did you find a place to stay after that?"),
        ("S3", "A lady from {ORGANIZATION|Église Baptiste Bethel}, in {LOCATION|Mattapan}, was handing out food there. Sister {PERSON|Marie-Ange}. She called her pastor."),
        ("S2", "Pastor {PERSON|Augustin}, yes. A good man."),
        ("S3", "He got us into the state shelter system. I know our family's case number because I have to say it every time I call, {CASE_NUMBER|E A two three, one one eight, four oh six}."),
        ("S1", "What's the shelter like?"),
        ("S3", "It's a hotel, actually, out in {LOCATION|Revere}. One room for three people. No kitchen, just a microwave."),
        ("S2", "My son, he is sixteen, he needs to eat. Microwave food every day, it's not good."),
        ("S1", "Is your brother in school?"),
        ("S3", "Yes, at {ORGANIZATION|Revere High}. I'm twenty-two, so I'm working. I got my work permit this spring."),
        ("S1", "Where are you working?"),
        ("S3", "I'm a home health aide, with {ORGANIZATION|Lumière Caregivers}. When my Social Security card came I was so happy I took a picture of it and sent it to everybody, {SSN|026-83-4419}. My supervisor said never, ever do that again."),
        ("S1", "She's right. And your mom?"),
        ("S3", "Her work permit is still pending. The asylum is pending. Everything is pending."),
        ("S1", "Does she have a hearing scheduled?"),
        ("S3", "Hers is {DATE|December 27th}. Mine is separate. I filed my own because I'm over twenty-one."),
        ("S1", "Does she know her A-number?"),
        ("S2", "Yes, yes. {A_NUMBER|two two zero, nine four one, five oh six}."),
        ("S3", "She knows it better than her phone number."),
        ("S1", "How has health care been?"),
        ("S3", "We have MassHealth, that's the Medicaid here. My mom has diabetes, so she needs it. Her Medicaid ID is, let me see, {MEDICAID_ID|100384729511}."),
        ("S1", "You don't need to read it out, but thank you. We'll take it out of the transcript."),
        ("S3", "Oh, okay. Sorry."),
        ("S1", "No problem at all. What's been the most helpful thing since you arrived?"),
        ("S2", "The church. Without the church, nothing. It is my comfort, it is a blessing."),
        ("S3", "And a social worker at the health center, Ms. {PERSON|Barros}. She helped us with the food stamps."),
        ("S1", "And the hardest?"),
        ("S3", "Waiting. And not knowing if they will send us back. Haiti now, you cannot go back. There is nothing to go back to."),
        ("S2", "I pray every day. That is all I can do."),
        ("S1", "Is there anything you'd want the people who make policy to hear?"),
        ("S3", "That we want to work. My mom was a seamstress for thirty years. Give her the permit and she will work tomorrow."),
        ("S1", "For the follow-up, what's the best number?"),
        ("S3", "Mine, {PHONE|857 555 0119}. My mom doesn't pick up numbers she doesn't know."),
        ("S1", "Thank you both, {PERSON|Mirlande} and {PERSON|Wislande}."),
    ]],

    # 08: Liberian kinship caregivers, grandparents raising grandchildren (Minnesota)
    ["S2 S3", [
        ("S1", "Thank you for welcoming me into your home. Is it alright if I record our conversation? And could you each say your name, just for the recording?"),
        ("S2", "Yes, my dear, go ahead. I am {PERSON|Mercy Kollie}."),
        ("S3", "{PERSON|Emmanuel Kollie}. Her husband."),
        ("S1", "And who lives here with you?"),
        ("S2", "Ooh, it's a full house. Me, my husband, our three grandchildren, and my mother. She is {AGE|ninety-six} and still sharper than me."),
        ("S3", "This morning she was watching the news and telling me everything the governor did wrong."),
        ("S2", "She was born in {LOCATION|Voinjama} and came from Liberia in two thousand five, the same year we moved to {LOCATION|Brooklyn Park}."),
        ("S1", "And the grandchildren?"),
        ("S2", "{PERSON|Precious} is nine, {PERSON|Blessing} is six, and the baby, we call him {PERSON|Junior}, he is two."),
        ("S1", "How did they come to live with you?"),
        ("S2", "Their mother is my daughter, {PERSON|Comfort}. She had a problem with drugs. The police came to the apartment on {DATE|June 9th} and the children were there alone."),
        ("S3", "The worker called us that same night. Around midnight."),
        ("S1", "Who was the worker?"),
        ("S2", "{PERSON|Hannah Lindqvist}, from {ORGANIZATION|Hennepin County Human Services}. She said either you take them tonight or they go to strangers. So of course we took them."),
        ("S1", "What was that first night like?"),
        ("S3", "Chaos. We had one extra bed. The children slept on the floor with blankets. The baby cried until four in the morning."),
        ("S2", "I didn't sleep. I just sat and watched them breathe."),
        ("S1", "How is your daughter doing now?"),
        ("S2", "She is in {LOCATION|Shakopee}, at the women's prison. Eighteen months. She writes to the children, and the oldest reads the letters to the small ones."),
        ("S1", "Is there still a court case for the children?"),
        ("S3", "Yes, every three months we go. The file number is on all the letters, {CASE_NUMBER|27-JV-23-4471}. The judge is fair, I think."),
        ("S1", "What support have you had?"),
        ("S3", "Not much, at first. We didn't know anything about the system. Our pastor, Reverend {PERSON|Tamba Fahnbulleh}, at {ORGANIZATION|Christ Assembly Lutheran}, connected us with a lady who knew about the kinship payments."),
        ("S2", "Then the paperwork. Oh, the paperwork. They want the birth certificate, the social security card, everything. {PERSON|Precious}'s card was lost in the move, and I only had the number written in my Bible, {SSN|four seven one, two two, eight zero six five}."),
        ("S1", "Did you get a replacement?"),
        ("S2", "By God's grace, yes, after two months."),
        ("S1", "How are the children doing with their schooling?"),
        ("S2", "The oldest is doing very well. The middle one is shy, the teacher says she doesn't talk. But at home she never stops talking!"),
        ("S3", "They want an evaluation for her speech. We are on a waiting list at the clinic, five months they said. For a six-year-old that is a long time."),
        ("S1", "What about medical coverage for the kids?"),
        ("S2", "They have Medical Assistance, that's the Medicaid here in Minnesota. Each child has a number. {PERSON|Blessing}'s is {MEDICAID_ID|oh oh six, four one two, nine eight}. I carry all three cards in my purse."),
        ("S1", "Has anything happened that surprised you?"),
        ("S3", "Somebody got into my wife's email and sent messages to everyone at church, asking for gift cards."),
        ("S2", "So embarrassing. My nephew looked at it and said the sign-in came from {IP_ADDRESS|41.206.18.77}, that's Nigeria."),
        ("S1", "Oh no. Did you get it back?"),
        ("S2", "He fixed it. Now the email is {EMAIL|mkollie1958 at yahoo dot com}, with a new password."),
        ("S1", "Are you connected with other grandparents raising grandchildren?"),
        ("S2", "Yes! There is a group of Liberian women, we meet once a month. They have a page, {URL|w w w dot liberiankinship dot org}."),
        ("S1", "What do you wish caseworkers understood about families like yours?"),
        ("S2", "That in our culture the grandmother is the second mother. It is not a burden. But we are old, and the money is not enough. Diapers, food, shoes, every month."),
        ("S3", "The utility company almost cut the lights last winter. The bill was in {PERSON|Comfort}'s name, account {ACCOUNT_NUMBER|5102 8847 19}, and nobody would talk to us because we were not the account holder."),
        ("S1", "What would help most?"),
        ("S2", "Respect. And a little more money. And a car seat that fits in the back next to two boosters."),
        ("S3", "Just, thank you for asking us. Nobody asks the grandparents."),
        ("S1", "Thank you both so much."),
    ]],
]


def parse(marked: str) -> tuple[str, list[dict]]:
    """Strip {TYPE|text} markup; return the plain text and its identifiers with offsets."""
    text, ids, pos = [], [], 0
    n = 0
    for m in MARK.finditer(marked):
        text.append(marked[pos:m.start()])
        n += m.start() - pos
        typ, span = m.group(1), m.group(2)
        assert typ in TYPES, typ
        ids.append({"type": typ, "text": span, "start": n, "end": n + len(span)})
        text.append(span)
        n += len(span)
        pos = m.end()
    text.append(marked[pos:])
    plain = "".join(text)
    assert "{" not in plain and "}" not in plain and "|" not in plain, marked
    for i in ids:
        assert plain[i["start"]:i["end"]] == i["text"], (i, plain)
    return plain, ids


def build(k: int, spec: list, rng: random.Random) -> dict:
    participants, script = spec
    labels = ["S1"] + participants.split()
    voices = rng.sample(VOICES, len(labels))
    speakers = {s: {"role": "interviewer" if s == "S1" else "participant", "voice": v}
                for s, v in zip(labels, voices)}
    turns, t = [], 0.0
    for speaker, marked in script:
        assert speaker in speakers, (k, speaker)
        text, ids = parse(marked)
        dur = max(1.0, len(text.split()) * rng.uniform(0.36, 0.44))
        turns.append({"speaker": speaker, "start": round(t, 3), "end": round(t + dur, 3),
                      "text": text, "identifiers": ids})
        t += dur + rng.uniform(0.35, 0.75)
    return {"id": f"heldout_{k:02d}", "audio": None, "duration": turns[-1]["end"],
            "speakers": speakers, "sha256": "", "turns": turns}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", help="folder to write heldout_NN.truth.json into")
    ap.add_argument("--n", type=int, default=len(INTERVIEWS), help=f"how many (1-{len(INTERVIEWS)})")
    ap.add_argument("--seed", type=int, default=20240611)
    a = ap.parse_args()
    if not 1 <= a.n <= len(INTERVIEWS):
        ap.error(f"--n must be between 1 and {len(INTERVIEWS)} (that many scripts are written)")
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    for k in range(1, a.n + 1):
        rng = random.Random(a.seed * 100 + k)
        doc = build(k, INTERVIEWS[k - 1], rng)
        path = out / f"{doc['id']}.truth.json"
        path.write_text(json.dumps(doc, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        n_ids = sum(len(t["identifiers"]) for t in doc["turns"])
        print(f"{path}: {len(doc['turns'])} turns, {n_ids} identifiers, {doc['duration']:.1f} s")


if __name__ == "__main__":
    main()
