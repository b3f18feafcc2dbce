#!/usr/bin/env python3
"""Build questions.jsonl for the domains2 evaluation set (standard library only, deterministic).

Each entry is (lang, text, overlaps_with). overlaps_with names the route a deliberate
boundary case also touches; the label is always the request's main intent.
"""
import json
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

Q = {}

Q["coding_help"] = [
    ("en", "getting `TypeError: Cannot read properties of undefined (reading 'map')` in my Next.js page when the API is slow. code:\n```\nexport default function Orders({ data }) {\n  return <ul>{data.items.map(i => <li key={i.id}>{i.name}</li>)}</ul>\n}\n```", ""),
    ("en", "how to deep copy a dict in python", ""),
    ("en", "Can you convert this bash script to Python? It loops over the log files in /var/log/app, gzips anything older than 7 days and deletes archives older than 30.", ""),
    ("en", "Is there a cleaner way to write this?\n\nif user is not None and user.profile is not None and user.profile.settings is not None:\n    theme = user.profile.settings.theme\nelse:\n    theme = 'light'", ""),
    ("en", "goroutine leak in our worker pool - ctx cancel doesn't seem to stop them. what's the usual pattern?", ""),
    ("en", "Explain what async/await actually does under the hood in JavaScript, I keep mixing up promises and callbacks", ""),
    ("en", "regex to validate the shape of an EU VAT number (no checksum needed)", ""),
    ("en", "Our Java service takes Optional<T> as method parameters everywhere and my lead says it's an anti-pattern. Why?", ""),
    ("en", "mypy says: Incompatible return value type (got \"Optional[str]\", expected \"str\"). how do I fix it without slapping type: ignore on it", ""),
    ("en", "git rebase vs merge for my feature branch? the team can't agree", ""),
    ("en", "Write a TypeScript utility type that makes all nested properties of an object optional", ""),
    ("en", "Add retry with exponential backoff to this:\n\nresp = requests.get(url, timeout=5)\nresp.raise_for_status()\nreturn resp.json()", ""),
    ("en", "My pytest fixtures with scope='session' leak state between tests. How do I isolate them without making the suite 10x slower?", ""),
    ("es", "¿Por qué mi función recursiva en Python da RecursionError con listas grandes y cómo la paso a una versión iterativa?", ""),
    ("de", "Wie schreibe ich in Java einen Comparator, der zuerst nach Nachname und dann nach Vorname sortiert?", ""),
    ("ja", "このTypeScriptのコードで「Object is possibly 'undefined'」というエラーが出ます。どう直せばいいですか？", ""),
    ("zh", "Go 里面把 slice 作为参数传进函数，append 之后外面为什么看不到变化？", ""),
    ("en", "I'm using the SQLAlchemy ORM and the /orders endpoint fires one query per order to load its items (N+1). How do I fix that in the Python code?", "sql_and_data"),
    ("en", "Tests pass locally but fail in CI with `ModuleNotFoundError: No module named 'src'`. I think it's my import structure - how should I lay out the package?", "devops_incidents"),
    ("en", "Write a Python script that pulls all open deals from the HubSpot API (paginated) and writes them to a CSV", "sales_deals"),
]

Q["sql_and_data"] = [
    ("en", "postgres says 'column \"subscriptions.plan\" must appear in the GROUP BY clause or be used in an aggregate function'. query:\nSELECT customer_id, plan, max(created_at) FROM subscriptions GROUP BY customer_id;", ""),
    ("en", "need a 7-day rolling average of signups, bigquery", ""),
    ("en", "How do I dedupe the events table keeping only the latest row per user_id? Snowflake.", ""),
    ("en", "Our retention cohort chart in Metabase shows week 0 above 100%. Probably double-counting users who signed up twice?", ""),
    ("en", "Should the invoices fact table be at line-item grain or invoice grain? Building the dbt model now.", ""),
    ("en", "Is the difference between variant A (4.1% conversion, n=5200) and variant B (4.6%, n=5100) statistically significant?", ""),
    ("en", "Which composite index should I add? MySQL 8, the query filters tenant_id = ? AND status IN ('open','pending') ORDER BY updated_at DESC LIMIT 50, table has 40M rows", ""),
    ("en", "Write a window function that ranks reps by quarterly bookings within each region", ""),
    ("en", "convert unix timestamp column to date in redshift", ""),
    ("en", "We have NPS survey results in a Google Sheet, ~800 rows with score and a free-text comment. Quickest way to get the score distribution and the top themes?", ""),
    ("en", "What is a type 2 slowly changing dimension and do we need one to track customers' plan changes?", ""),
    ("en", "pandas: groupby account and keep the row with the max revenue - idxmax gives weird results when there are NaNs", ""),
    ("en", "recursive CTE to walk the org chart table (employee_id, manager_id) and list everyone under a given VP", ""),
    ("pt", "Como calculo a mediana do tempo de resposta por mês no PostgreSQL? Não achei uma função MEDIAN.", ""),
    ("fr", "J'ai une table de commandes avec des doublons à cause d'un bug d'import, comment les supprimer en gardant l'id le plus petit ?", ""),
    ("ko", "BigQuery에서 날짜 파티션 테이블을 조회할 때 비용을 줄이는 방법이 있나요?", ""),
    ("ru", "Как в ClickHouse посчитать количество уникальных пользователей по дням за последний месяц?", ""),
    ("en", "Finance wants MRR by plan straight from the billing DB. Schema: subscriptions(id, account_id, plan, amount_cents, billing_interval, started_at, canceled_at). Can you write the query, with annual plans divided by 12?", "finance_accounting"),
    ("en", "The nightly Airflow DAG that loads the warehouse failed at the dbt run task with 'relation \"analytics.stg_users\" does not exist' - someone renamed the upstream model. How do I fix the refs?", "devops_incidents"),
    ("en", "What numbers should we track to tell whether the new onboarding checklist works? I have to build the dashboard before launch.", "product_specs"),
]

Q["devops_incidents"] = [
    ("en", "prod is down. api gateway health checks failing in all AZs since 14:02 UTC. where do I look", ""),
    ("en", "terraform plan wants to destroy and recreate the RDS instance because I changed the parameter group. How do I avoid that?", ""),
    ("en", "kubectl get pods shows CrashLoopBackOff for payments-worker, logs say 'dial tcp 10.0.3.14:6379: connect: connection refused'", ""),
    ("en", "Disk on the Jenkins agent is at 98%, what can I safely clean up?", ""),
    ("en", "How do we do blue/green deploys on ECS without paying for double capacity for long?", ""),
    ("en", "p99 latency on the search service went from 200ms to 2s after we scaled to 6 replicas. CPU looks fine. ideas?", ""),
    ("en", "What's a sensible error-rate alert threshold so on-call doesn't get paged for every blip?", ""),
    ("en", "liveness vs readiness probes? ours keep restarting the container during slow startups", ""),
    ("en", "GitLab runners stuck on 'pending' for every job since this morning", ""),
    ("en", "How do I give the Helm chart different resource limits per environment without copy-pasting values files?", ""),
    ("en", "Set up a Kubernetes CronJob that runs the cleanup script every night at 3am", ""),
    ("en", "our ArgoCD app is stuck OutOfSync even though the manifests match what's in git, what gives", ""),
    ("en", "Node exporter metrics disappeared from Grafana after the Prometheus upgrade", ""),
    ("de", "Unser Kafka-Consumer hängt seit dem Update hinterher und der Lag steigt ständig. Wie finde ich heraus, ob es am Rebalancing liegt?", ""),
    ("es", "Se cayó el servidor de staging después de actualizar nginx, el log dice 'too many open files'. ¿Qué hago?", ""),
    ("zh", "线上 Redis 内存突然满了，很多 key 没有设置过期时间，怎么快速止血？", ""),
    ("hi", "हमारी वेबसाइट पिछले एक घंटे से बहुत धीमी चल रही है और डेटाबेस कनेक्शन पूल भर गया है। पहले क्या जांचें?", ""),
    ("en", "Write a runbook for rotating the TLS certificate on the nginx ingress controller before it expires on Friday", "security"),
    ("en", "Our AWS bill jumped 40% this month, mostly 'NAT Gateway data processing'. How do we find out which service is causing it?", "finance_accounting"),
    ("en", "draft a status page update: elevated error rates on login, we're investigating, next update in 30 min", "customer_email"),
]

Q["security"] = [
    ("en", "Got an email from 'IT Support' asking me to re-enter my Okta password for a 'mailbox migration'. The link goes to okta-login-secure.net. Is this real?", ""),
    ("en", "Dependabot flagged a critical vuln in lodash in the admin frontend. Is it actually exploitable if we only use _.get?", ""),
    ("en", "Can I get admin on the production AWS account for a week to debug something?", ""),
    ("en", "The pen test report says our session cookies are missing SameSite and HttpOnly. How bad is that and what's the fix?", ""),
    ("en", "A former contractor still shows up in our GitHub org. Who removes access, and how fast is that supposed to happen?", ""),
    ("en", "how do we enforce MFA for all Google Workspace users without locking out the sales team while they travel", ""),
    ("en", "my laptop was stolen from my car last night. it had the VPN client and saved passwords in chrome", ""),
    ("en", "SAST vs DAST - do we need both before the ISO 27001 audit?", ""),
    ("en", "Someone shared a Drive folder with signed customer contracts as 'anyone with the link'. How do I check who accessed it?", ""),
    ("en", "review this IAM policy, is `\"Action\": \"s3:*\", \"Resource\": \"*\"` as bad as I think it is?", ""),
    ("en", "what's the process to get a new SSH key onto the bastion host", ""),
    ("en", "Is it ok to paste customer data into ChatGPT to summarize tickets?", ""),
    ("en", "A vendor wants us to whitelist their IP range on our production firewall so they can run a load test. Risky?", ""),
    ("fr", "Un collègue a reçu un SMS se faisant passer pour le PDG et lui demandant d'acheter des cartes cadeaux. Que faut-il faire ?", ""),
    ("ja", "社用PCに私物のUSBメモリを挿しても大丈夫ですか？社内の規定はどうなっていますか？", ""),
    ("ar", "هل يجب علينا تفعيل التشفير الكامل للقرص على جميع أجهزة الموظفين قبل تدقيق الامتثال؟", ""),
    ("pt", "Recebi um alerta do GuardDuty sobre chamadas de API vindas de um IP desconhecido usando uma das nossas chaves IAM. O que faço primeiro?", ""),
    ("en", "What's our policy on using personal laptops to check company email and Slack?", "hr_policy"),
    ("en", "For the new customer portal, JWTs or opaque session tokens? Worried about revocation when someone is offboarded.", "coding_help"),
    ("en", "Help me answer this question from a prospect's vendor security questionnaire: 'Describe your encryption at rest and in transit, including key management.'", "sales_deals"),
]

Q["customer_email"] = [
    ("en", "Customer wrote: 'This is the third time your sync has failed this month. We pay for premium support and nobody replied for 2 days.' I need a reply that owns it without promising a refund.", ""),
    ("en", "rewrite this so it doesn't sound robotic: 'Dear customer, your ticket has been resolved. Please do not reply to this email.'", ""),
    ("en", "Draft a follow-up to a customer who hasn't answered our question about their browser version for a week - the ticket auto-closes in 3 days", ""),
    ("en", "how do I tell a customer nicely that the feature they keep asking for is not on our roadmap", ""),
    ("en", "write a reply explaining how to reset 2FA when they've lost their phone, step by step, friendly", ""),
    ("en", "Thank-you note to a customer who reported a bug that turned out to be serious. Offer them some swag.", ""),
    ("en", "Turn this into 3 short bullet points the customer can follow: 'To resolve the issue you will first need to disconnect the calendar integration from Settings, then clear the cached tokens by signing out of all sessions, and then reconnect the integration making sure you grant the read and write permissions when prompted.'", ""),
    ("en", "customer asks if we were affected by the Cloudflare outage. we weren't. what do I say", ""),
    ("en", "Reply firmly but politely to a user who keeps opening duplicate tickets and insulting our agents", ""),
    ("en", "template reply for 'where is my invoice?' tickets, point them to Billing > History", ""),
    ("en", "Client wants an export of all their records before they leave us. Write a response saying we'll send it within 5 business days.", ""),
    ("en", "Write a public response to a 1-star review on G2 complaining that our support is slow", ""),
    ("en", "Customer asks for a trial extension. Write a yes, give them 14 more days, and mention they can book an onboarding call", ""),
    ("es", "Un cliente de México se queja de que le cobramos en dólares y no en pesos. Redacta una respuesta amable explicando que solo facturamos en USD.", ""),
    ("de", "Bitte formuliere eine Antwort an einen Kunden, der sich beschwert, dass unser Support nur auf Englisch antwortet.", ""),
    ("ko", "고객이 로그인 오류 때문에 많이 화가 났어요. 사과하고 해결 방법을 안내하는 답장을 써 주세요.", ""),
    ("ru", "Напишите ответ клиенту, который спрашивает, почему интерфейс поменялся без предупреждения.", ""),
    ("en", "Customer wants to cancel and asks for a prorated refund for the remaining 5 months. Policy: no refunds on annual plans, but we can offer account credit. Draft the reply.", "finance_accounting"),
    ("en", "We need to tell our ~300 enterprise customers about scheduled maintenance on Saturday 02:00-04:00 CET. Draft the email.", "devops_incidents"),
    ("en", "A customer asks whether we're GDPR compliant and where their data is stored (we host in Frankfurt). Write a short, reassuring answer for the ticket.", "contracts_legal"),
]

Q["contracts_legal"] = [
    ("en", "The customer's redlines change our limitation of liability from 12 months of fees to unlimited for data breaches. Should we accept that?", ""),
    ("en", "difference between an MSA and an SOW?", ""),
    ("en", "We want to open-source our CLI tool. Apache 2.0 or MIT, and do we need a CLA from outside contributors?", ""),
    ("en", "A customer in Germany wants their data stored only in the EU. What do we need to change in the contract?", ""),
    ("en", "Draft a mutual confidentiality clause with a 3-year term", ""),
    ("en", "A vendor's terms say they can use our data to train their models. Can we opt out, or should we negotiate it?", ""),
    ("en", "we got a cease and desist letter about our product name. what happens now", ""),
    ("en", "Explain indemnification in plain English - the customer wants us to indemnify them for IP infringement claims", ""),
    ("en", "Do we need a cookie consent banner for visitors from the UK?", ""),
    ("en", "Is a DocuSign e-signature valid for a contract with a Brazilian customer?", ""),
    ("en", "Who in the company is allowed to sign contracts over $50k?", ""),
    ("en", "What changed between v3 and v4 of the Globex order form? v3: 'Fees are fixed for the Initial Term.' v4: 'Fees may increase by up to 7% annually upon renewal.'", ""),
    ("en", "Can we record sales calls with Gong if the prospect is in Illinois?", ""),
    ("fr", "Le client demande d'ajouter des pénalités en cas de non-respect du SLA. Quelles sont les pratiques habituelles ?", ""),
    ("pt", "Precisamos de um contrato assinado com um freelancer no Brasil, ou basta a nota fiscal? Quais são os riscos trabalhistas?", ""),
    ("zh", "这份合同写的是适用新加坡法律、在新加坡仲裁，对我们有什么影响？", ""),
    ("hi", "क्या भारत के नए डेटा संरक्षण कानून (DPDP Act) के तहत हमें ग्राहकों के डेटा को संभालने के तरीके में कुछ बदलना होगा?", ""),
    ("en", "Can we put customer logos on our website without asking? The contract doesn't say anything about it.", "marketing_copy"),
    ("en", "Does the non-compete in my offer letter hold up if I live in California?", "hr_policy"),
    ("en", "Customer is 60 days late on payment and the contract says net 30. Are we allowed to suspend their service?", "finance_accounting"),
]

Q["finance_accounting"] = [
    ("en", "what's our capitalization threshold for laptops", ""),
    ("en", "How should I accrue for the AWS invoice that only arrives after month-end close?", ""),
    ("en", "Simple runway calc please: $8.2M in the bank, burn is $610k/month and growing 3% a month", ""),
    ("en", "Variance: marketing spent $180k against a $140k budget in Q2. Help me write the commentary for the board pack.", ""),
    ("en", "opex or capex for cloud commitments like reserved instances?", ""),
    ("en", "A customer paid the same $4,800 invoice twice. How do I book the refund in NetSuite?", ""),
    ("en", "What's the process to set up a new vendor in the AP system, and who approves it?", ""),
    ("en", "Our CFO wants gross margin by product line. How should we allocate shared hosting costs?", ""),
    ("en", "When is the Q3 close deadline and which reconciliations do I own in AP?", ""),
    ("en", "Journal entries for a $36k annual software subscription we paid upfront, starting mid-month", ""),
    ("en", "what's the PO amount above which I need CFO sign-off", ""),
    ("en", "Explain EBITDA vs operating income like I'm an engineer", ""),
    ("en", "How do we calculate net revenue retention - do downgrades count against it?", ""),
    ("de", "Wie buchen wir eine Anzahlung an einen Lieferanten in DATEV richtig?", ""),
    ("ja", "海外子会社との取引で為替差損が出ました。会計上どう処理すればいいですか？", ""),
    ("es", "¿Cómo calculamos la provisión de cuentas incobrables para clientes con más de 90 días de retraso?", ""),
    ("ar", "ما الفرق بين الإيرادات المؤجلة والإيرادات المستحقة؟ أحتاج شرحًا بسيطًا لتقرير الإدارة.", ""),
    ("en", "Sales tax: do we have to collect in Texas for SaaS if we only have 3 customers there?", "contracts_legal"),
    ("en", "Headcount plan: 6 engineers at ~$165k fully loaded, starting one per month from March. What's the cost impact per quarter?", "hr_policy"),
    ("en", "From a cash flow point of view, is a 10% discount for a 2-year prepaid contract better for us than monthly billing?", "sales_deals"),
]

Q["hr_policy"] = [
    ("en", "I'm moving from Lisbon to Berlin. Does my employment contract change, and who handles it?", ""),
    ("en", "how do I log a sick day in Personio", ""),
    ("en", "I want to raise a concern about my manager confidentially. What are my options?", ""),
    ("en", "What's the referral bonus if someone I referred gets hired as an engineer?", ""),
    ("en", "can I carry over unused PTO into next year", ""),
    ("en", "Draft interview questions for a product designer, focused on how they work with engineers", ""),
    ("en", "Is there a learning budget, like for conferences or online courses?", ""),
    ("en", "How does the 401(k) match work and when does it vest?", ""),
    ("en", "New support hire starts Monday. What should their first week look like?", ""),
    ("en", "Can I take two months of unpaid leave to care for a family member?", ""),
    ("en", "What's the process for an internal transfer from support to the QA team?", ""),
    ("en", "Write a rejection email for a candidate who made it to the final round - kind, but no detailed feedback", ""),
    ("en", "is the office closed on Juneteenth this year?", ""),
    ("pt", "Como funciona o vale-refeição para quem trabalha remoto no Brasil?", ""),
    ("fr", "Je reviens bientôt de congé maternité, est-ce que je peux reprendre à temps partiel les trois premiers mois ?", ""),
    ("zh", "试用期是多久？试用期内可以请年假吗？", ""),
    ("ru", "Какие документы нужны, чтобы оформить нового сотрудника из Казахстана?", ""),
    ("en", "Can I use the home office stipend for a monitor, and is it taxed?", "travel_expenses"),
    ("en", "Are we allowed to ask candidates about their salary history in interviews in New York?", "contracts_legal"),
    ("en", "When will the annual salary increases show up in payroll?", "finance_accounting"),
]

Q["marketing_copy"] = [
    ("en", "Tagline ideas for our webinar 'Scaling support without scaling headcount'", ""),
    ("en", "Here's our G2 listing description, make it punchier and under 500 characters: 'Flowbase is a workflow automation platform that helps operations teams connect their tools and automate repetitive tasks without writing code.'", ""),
    ("en", "What keywords should a blog post on 'kanban vs scrum' target? Also draft an outline.", ""),
    ("en", "alt text and a caption for our booth photo from SaaStr", ""),
    ("en", "Our brand voice is 'confident, plain-spoken, slightly nerdy'. Rewrite this About page paragraph in that voice: 'We are a passionate team of innovators dedicated to empowering businesses with cutting-edge, best-in-class solutions.'", ""),
    ("en", "Draft a press release for our $30M Series B led by Northzone", ""),
    ("en", "Content calendar for June: 2 blog posts a week on remote team productivity", ""),
    ("en", "What's a good CTA for a case study page? 'Book a demo' feels pushy", ""),
    ("en", "rewrite our Product Hunt launch post, the current one is way too long and full of buzzwords", ""),
    ("en", "meta description for the pricing page, max 155 chars", ""),
    ("en", "Brainstorm names for our annual user conference", ""),
    ("en", "Write a blurb for our Zapier integration's listing in their app directory", ""),
    ("en", "Write the copy for the empty state of the dashboard that nudges people to invite their teammates", ""),
    ("es", "Necesito un post para Instagram sobre nuestro evento en Madrid, con tono cercano y algunos emojis.", ""),
    ("de", "Kannst du unsere Landingpage-Überschrift für den deutschen Markt lokalisieren, nicht nur übersetzen? Original: 'Ship faster. Break less.'", ""),
    ("ja", "日本市場向けのウェビナー告知メールの件名をいくつか考えてください。", ""),
    ("hi", "हमारे नए मोबाइल ऐप के 30 सेकंड के वीडियो विज्ञापन के लिए एक छोटी स्क्रिप्ट लिखो।", ""),
    ("en", "3 tweet variants announcing we passed our SOC 2 Type II audit - not too corporate", "security"),
    ("en", "Write a 3-email nurture sequence for people who started a trial but never created a project", "customer_email"),
    ("en", "Turn the v4.2 changelog (faster search, Gantt export, reminder timezone fix) into an in-app announcement banner, two lines max", "product_specs"),
]

Q["sales_deals"] = [
    ("en", "Prospect wants SSO on the Starter plan, but it's Enterprise-only. How do I position the upgrade?", ""),
    ("en", "write a follow-up after the Globex demo - they liked the reporting but are worried about migration effort", ""),
    ("en", "Build a mutual action plan to close Initech by end of quarter: legal review, security review, procurement", ""),
    ("en", "Prospect went dark 3 weeks after we sent the proposal. Breakup email?", ""),
    ("en", "How much does my quota attainment drop if the Umbrella deal slips to next quarter? It's $120k ARR, quota is $900k", ""),
    ("en", "Discovery questions for a VP of Customer Success at a 500-person fintech", ""),
    ("en", "Which case studies should I send a healthcare prospect, and how do I frame the ROI?", ""),
    ("en", "Draft the pricing section of the proposal: 250 seats, Pro plan at $24/seat/month, billed annually, 2-year term", ""),
    ("en", "who owns the Umbrella Corp account in the CRM? I have a warm intro to their CFO", ""),
    ("en", "Renewal for Soylent is in 60 days and their usage dropped 30%. How should the AE approach the conversation?", ""),
    ("en", "What's the approval process for non-standard terms on a deal?", ""),
    ("en", "tips for the first call with a procurement person vs with our champion", ""),
    ("en", "Prospect's procurement sent a 200-question RFP due Friday. How do I prioritize and who can help?", ""),
    ("fr", "Le client hésite entre l'offre mensuelle et l'offre annuelle. Comment le convaincre de signer pour un an avant la fin du trimestre ?", ""),
    ("pt", "Como devo montar a proposta comercial para um cliente que quer começar com um piloto de 3 meses?", ""),
    ("ko", "이번 분기 파이프라인에서 성사 가능성이 높은 딜을 어떻게 추려야 할까요?", ""),
    ("ar", "العميل يطلب تجربة مجانية لمدة 60 يومًا بدلاً من 14 يومًا، كيف أرد عليه دون أن نخسر الصفقة؟", ""),
    ("en", "The customer wants net 90 payment terms on a $140k deal. What can I offer without going to finance?", "finance_accounting"),
    ("en", "Help me write a LinkedIn connection request to a Head of IT I met at the AWS Summit booth", "marketing_copy"),
    ("en", "The champion at Hooli says legal wants to remove our auto-renewal clause. How do I keep the deal moving without giving that up?", "contracts_legal"),
]

Q["product_specs"] = [
    ("en", "Customers keep asking to archive projects instead of deleting them. Help me scope an MVP.", ""),
    ("en", "what's the difference between an epic and a story in our Jira setup, and where do non-functional requirements go", ""),
    ("en", "Here's a messy list of feedback from 12 customer interviews about notifications. Cluster it into themes and tell me which problems are worth solving.", ""),
    ("en", "We have capacity for exactly one of SSO, audit logs or a mobile app next quarter. Help me make the case for each.", ""),
    ("en", "Draft the non-goals section for the new billing page spec", ""),
    ("en", "How should undo work for bulk delete? Thinking about permissions and items other people are editing", ""),
    ("en", "Short problem statement: 62% of users drop off the onboarding wizard at step 3 (connect your calendar)", ""),
    ("en", "Engineering says the calendar sync spec is underspecified. What do I need to answer before sprint planning?", ""),
    ("en", "Competitive teardown: how do Linear and Jira handle sub-issues? I need to decide on our approach.", ""),
    ("en", "Describe the flow in words: user invites a guest, guest gets access to one board only, access expires after 30 days", ""),
    ("en", "Beta feedback says the permissions model is confusing. Propose a simpler role structure (owner/admin/member/guest?)", ""),
    ("en", "Write a hypothesis and the experiment design for testing annual-plan nudges in the upgrade modal", ""),
    ("en", "Our biggest customer is pushing hard for custom fields. How do I weigh that against the rest of the Q3 roadmap?", ""),
    ("es", "Tengo que definir qué entra en la primera versión del módulo de reportes y qué dejamos para después. ¿Me ayudas a priorizar?", ""),
    ("zh", "下个季度的路线图已经排满了，怎么跟销售团队解释某些客户要的功能要推迟？", ""),
    ("ko", "사용자 인터뷰 결과를 바탕으로 페르소나를 정리해 주세요: 팀 리더, 실무자, 관리자.", ""),
    ("de", "Welche Fragen sollte ich in einem Nutzerinterview zur neuen Suchfunktion stellen?", ""),
    ("en", "Define success metrics for the AI summary feature before we build it", "sql_and_data"),
    ("en", "What should the spec for public webhooks cover - which events, payload format, retries, signing?", "coding_help"),
    ("en", "Write the release notes for v4.2 for the changelog: faster search, new Gantt export, fixed timezone bug in reminders", "marketing_copy"),
]

Q["travel_expenses"] = [
    ("en", "My flight to the Austin offsite got cancelled and I rebooked myself for $380 more. Will that get approved?", ""),
    ("en", "can I expense a coworking day pass while traveling", ""),
    ("en", "what's the hotel cap in NYC", ""),
    ("en", "How do I split a team dinner in Expensify when I paid for 6 people?", ""),
    ("en", "I paid for a work flight with my personal card by mistake. How do I get the money back?", ""),
    ("en", "Does the company cover the visa fee for the conference in Bangalore?", ""),
    ("en", "My corporate Amex got declined in Tokyo, who do I call?", ""),
    ("en", "need a train Paris -> Amsterdam for the customer workshop, out on the 14th, back on the 16th", ""),
    ("en", "Is mileage reimbursed if I drive to a client site? At what rate?", ""),
    ("en", "My expense report has been pending for 3 weeks and my manager is on leave. Who else can approve it?", ""),
    ("en", "Can I extend my Barcelona business trip over the weekend if I pay for the extra hotel nights myself?", ""),
    ("en", "Is travel insurance included when I book through Navan?", ""),
    ("en", "Are airport lounge passes reimbursable on a layover longer than 4 hours?", ""),
    ("ja", "出張先でタクシーを使った場合、領収書はどうやって提出すればいいですか？", ""),
    ("ko", "해외 출장 중 로밍 요금도 경비로 처리할 수 있나요?", ""),
    ("ru", "Можно ли взять с собой в командировку семью, если я сам оплачу их билеты?", ""),
    ("ar", "كيف أحجز رحلة عمل إلى دبي عبر نظام الشركة؟", ""),
    ("en", "Are drinks reimbursable at client dinners, or do I have to take alcohol off the bill?", "finance_accounting"),
    ("en", "The customer is reimbursing my travel for the onsite - do I still file it in Expensify or do we invoice them?", "finance_accounting"),
    ("en", "I'm taking the Initech buyers out to dinner after they sign. What's the per-person limit for client entertainment?", "sales_deals"),
]

Q["other"] = [
    ("en", "what's a good book on stoicism", ""),
    ("en", "Help me write a birthday message for my mom, she's turning 60", ""),
    ("en", "explain how vaccines work in simple terms, for my 8 year old", ""),
    ("en", "who won the champions league in 2019", ""),
    ("en", "How do I fix a leaking kitchen faucet?", ""),
    ("en", "thanks, that was helpful 👍", ""),
    ("en", "What's the difference between a crocodile and an alligator?", ""),
    ("en", "I haven't been sleeping well lately, any tips?", ""),
    ("en", "Write a limerick about Mondays", ""),
    ("en", "how many tablespoons in a cup", ""),
    ("en", "Summarize the plot of Hamlet in 5 sentences", ""),
    ("en", "what's 17% of 2,340", ""),
    ("en", "Recommend a history podcast for my commute", ""),
    ("es", "¿Cuál es la mejor época para visitar la Patagonia?", ""),
    ("fr", "Quelle est la différence entre un roman et une nouvelle ?", ""),
    ("zh", "推荐几部适合周末看的科幻电影。", ""),
    ("hi", "मुझे योग शुरू करना है, शुरुआत के लिए कौन से आसन अच्छे हैं?", ""),
    ("en", "Plan a 3-day itinerary for Kyoto, I'm going there on vacation in April", "travel_expenses"),
    ("en", "What's the weather usually like in Stockholm in November? Packing for a customer visit", "travel_expenses"),
    ("en", "How do I file my personal taxes if I do freelance work on the side?", "finance_accounting"),
]


def config_utterances():
    """Crude stdlib parse of the utterance lines in config.yaml."""
    out = {}
    route = None
    with open(os.path.join(HERE, "config.yaml"), encoding="utf-8") as f:
        for line in f:
            m = re.match(r"\s+- name: (\S+)", line)
            if m:
                route = m.group(1)
                out[route] = []
                continue
            m = re.match(r'\s+- "(.*)"\s*$', line)
            if m and route:
                out[route].append(m.group(1))
    return out


def words(s):
    return set(re.findall(r"\w+", s.lower()))


def main():
    utt = config_utterances()
    assert set(utt) == set(Q), (set(utt) ^ set(Q))
    seen = set()
    rows = []
    for route, items in Q.items():
        assert len(items) == 20, (route, len(items))
        assert len(utt[route]) == 5, route
        for lang, text, overlap in items:
            assert text not in seen, text
            seen.add(text)
            assert overlap == "" or overlap in Q, overlap
            for r2, us in utt.items():
                for u in us:
                    a, b = words(text), words(u)
                    j = len(a & b) / max(1, len(a | b))
                    if j > 0.4:
                        print(f"WARN near-utterance ({j:.2f}) {route}: {text!r} ~ {r2}: {u!r}", file=sys.stderr)
            rows.append({"messages": [{"role": "user", "content": text}], "route": route, "lang": lang})
    random.Random(20240613).shuffle(rows)
    with open(os.path.join(HERE, "questions.jsonl"), "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")

    # summary for README
    from collections import Counter
    langs = Counter(r["lang"] for r in rows)
    n_boundary = sum(1 for items in Q.values() for _, _, o in items if o)
    print(f"{len(rows)} rows; non-en {sum(v for k, v in langs.items() if k != 'en')}; boundary {n_boundary}")
    print("langs:", dict(sorted(langs.items(), key=lambda kv: -kv[1])))
    for route, items in Q.items():
        c = Counter(lang for lang, _, _ in items)
        print(f"{route}: {len(items)} | " + ", ".join(f"{k} {v}" for k, v in sorted(c.items())) + f" | boundary {sum(1 for _, _, o in items if o)}")
    print("boundary cases:")
    for route, items in Q.items():
        for _, text, o in items:
            if o:
                print(f"  {route} (also {o}): {text[:90]!r}")


if __name__ == "__main__":
    main()
