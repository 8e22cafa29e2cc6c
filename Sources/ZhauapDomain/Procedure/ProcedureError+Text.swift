import WorkingCalendar

extension ProcedureError {
    /// What a person reads when a step is refused, in their language (the pages; the API keeps `code`
    /// and the English `description`).
    public func text(_ lang: Language) -> String {
        func t(_ kk: String, _ ru: String, _ en: String) -> String { LocalizedText(kk: kk, ru: ru, en: en)[lang] }
        switch self {
        case .forbidden:
            return t("Бұл әрекет сіздің рөліңізге рұқсат етілмеген.", "Это действие не разрешено вашей роли.", "Your role does not allow this step.")
        case .invalidState:
            return t("Жолданымның қазіргі жай-күйінде бұл әрекет мүмкін емес.", "В текущем состоянии обращения это действие невозможно.",
                     "This step is not possible in the appeal's current state.")
        case .missingField:
            return t("Міндетті жолды толтырыңыз.", "Заполните обязательное поле.", "Fill in the required field.")
        case .noTermRule:
            return t("Бұл мерзімге қолданыстағы ереже жоқ: әкімшіге хабарлаңыз.", "Для этого срока нет действующего правила: сообщите администратору.",
                     "No term rule is in force for this term: tell the administrator.")
        case .beforeRulesInForce(_, let from):
            return t("Бұл күн рәсім ережелері күшіне енген күннен (\(from.inWords(.kk))) бұрын.",
                     "Эта дата раньше вступления правил процедуры в силу (\(from.inWords(.ru))).",
                     "This date lies before the procedure's rules took effect (\(from.inWords(.en))).")
        case .unknownSpecialRule:
            return t("Мұндай арнайы заң ережесі белгісіз.", "Такое правило специального закона неизвестно.", "This special-law rule is not known.")
        case .languageNotProduced:
            return t("Бұл құжат осы тілде жасалмайды: құжаттар қазақ тілінде, мәтіні орысша жазылса — орыс тілінде де жасалады.",
                     "Этот документ на этом языке не составляется: документы составляются на казахском, а если текст введён на русском — и на русском.",
                     "This document is not produced in that language: documents are in Kazakh, and in Russian when their text was typed in Russian.")
        case .forwardToSelf:
            return t("Жолданымды өзі тұрған органға жіберуге болмайды.", "Обращение нельзя направить в тот же орган.",
                     "An appeal cannot be forwarded to the body that has it.")
        case .unknownArea:
            return t("Бұл орган құзыретінің мұндай саласы жоқ.", "У органа нет такой сферы компетенции.",
                     "The body has no such competence area.")
        case .completenessNotChecked:
            return t("Алдымен толықтығын тексеріп, нәтижесін белгілеңіз (ӘРПК 63).", "Сначала отметьте проверку полноты (АППК, ст. 63).",
                     "Record the completeness check first (APPC 63).")
        case .onlyFormalDeficiencies:
            return t("Тек формалды кемшіліктер үшін жолданымды қайтаруға болмайды (ӘРПК 14).",
                     "Возвращать обращение только из-за формальных недостатков нельзя (АППК, ст. 14).",
                     "An appeal may not be returned for formal deficiencies alone (APPC 14).")
        case .correctionNotOverdue(let due):
            return t("Өтініш беруші \(due.untilInWords(.kk)) түзете алады.", "Заявитель может исправить обращение \(due.untilInWords(.ru)).",
                     "The applicant may correct the appeal \(due.untilInWords(.en)).")
        case .mustForwardAtOnce:
            return t("Қылмыс немесе қауіп туралы жасырын хабар құзыретті органға дереу жіберілуі тиіс (ӘРПК 88).",
                     "Анонимное сообщение о преступлении или угрозе направляется в компетентный орган немедленно (АППК, ст. 88).",
                     "An anonymous report of a crime or a threat must be forwarded at once (APPC 88).")
        case .notFlagged:
            return t("Жолданымда қылмыс немесе қауіп туралы белгі жоқ.", "Обращение не отмечено как сообщение о преступлении или угрозе.",
                     "The appeal is not flagged as reporting a crime or a threat.")
        case .groundNotApplicable:
            return t("Бұл негіз осы жолданымға қолданылмайды.", "Это основание к данному обращению не применяется.", "This ground does not apply to this appeal.")
        case .extensionTooLong(let latest):
            return t("Ұзарту ең кешінде \(latest.untilInWords(.kk)) мүмкін (ӘРПК 76: екі ай).", "Продлить можно не далее чем \(latest.untilInWords(.ru)) (АППК, ст. 76: два месяца).",
                     "An extension may reach \(latest.inWords(.en)) at the latest (APPC 76: two months).")
        case .extensionNotAllowed:
            return t("Бұл мерзімді ұзартуға болмайды.", "Этот срок продлевать нельзя.", "This term may not be extended.")
        case .notWorkingDay(let d):
            return t("\(d.dotted) — жұмыс күні емес.", "\(d.dotted) — нерабочий день.", "\(d.dotted) is not a working day.")
        case .notLater(let current):
            return t("Жаңа мерзім \(current.dotted) кейін болуы тиіс.", "Новый срок должен быть позже \(current.dotted).",
                     "The new due date must be after \(current.dotted).")
        case .kindNotConfirmed:
            return t("Алдымен жолданымның түрін растаңыз.", "Сначала подтвердите вид обращения.", "Confirm the appeal's kind first.")
        case .requiresAdministrativeAct:
            return t("Арыз бен шағым әкімшілік актімен шешіледі, жеңілдетілген жауаппен емес.",
                     "Заявление и жалоба разрешаются административным актом, а не упрощённым ответом.",
                     "Applications and complaints end in an administrative act, not a simplified answer.")
        case .noPendingRecusal:
            return t("Шешімді күтетін қарсылық жоқ.", "Нет отвода, ожидающего решения.", "No recusal waits for a decision.")
        case .noPendingExtension:
            return t("Шешімді күтетін ұзарту сұрауы жоқ.", "Нет запроса о продлении, ожидающего решения.", "No extension request waits for a decision.")
        case .extensionAlreadyRequested:
            return t("Ұзарту сұрауы басшының шешімін күтуде.", "Запрос о продлении уже ждёт решения руководителя.",
                     "An extension request already waits for the head's decision.")
        case .documentNotAvailable:
            return t("Бұл жолданым бойынша мұндай құжат жоқ.", "По этому обращению такого документа нет.", "This appeal has no such document.")
        case .dateOutOfRange(let d):
            return t("\(d.dotted) — болашақ күн немесе тіркелгенге дейінгі күн.", "\(d.dotted) — дата в будущем или до регистрации.",
                     "\(d.dotted) is in the future or before registration.")
        case .invalidAmount(let n):
            return t("Күн саны 1-ден 60-қа дейін болуы тиіс (\(n) берілді).", "Число дней — от 1 до 60 (указано \(n)).",
                     "The number of days must be 1 to 60 (got \(n)).")
        case .calendar:
            return t("Бұл күн күнтізбеде жоқ.", "Этой даты нет в календаре.", "This date is outside the calendar.")
        case .fileRequired:
            return t("Құжаттың файлын тіркеңіз.", "Приложите файл документа.", "Attach the document's file.")
        case .invalidDocumentKind:
            return t("Мұндай құжатты рәсімнің өзі жасайды, оны жүктеуге болмайды.", "Такой документ формирует сама процедура, его нельзя загрузить.",
                     "The procedure itself produces this kind of document; it cannot be uploaded.")
        case .invalidSheets:
            return t("Парақ саны 1-ден 10000-ға дейін болуы керек.", "Число листов должно быть от 1 до 10000.", "Sheets must be from 1 to 10,000.")
        case .unknownDocument(let n):
            return t("Істе № \(n) құжат жоқ.", "В деле нет документа № \(n).", "The case has no document No. \(n).")
        case .documentWithdrawn(let n):
            return t("№ \(n) құжат алынып тасталған.", "Документ № \(n) изъят.", "Document No. \(n) is withdrawn.")
        case .documentNotWithdrawable(let n):
            return t("№ \(n) құжат — жолданымның өзі немесе жіберілген құжат: ол істе қалады.",
                     "Документ № \(n) — само обращение или отправленный документ: он остаётся в деле.",
                     "Document No. \(n) is the appeal itself or a document the body sent: it stays in the case.")
        case .unknownFact(let n):
            return t("Істе № \(n) факт жоқ.", "В деле нет факта № \(n).", "The case has no fact No. \(n).")
        case .unknownRequest(let n):
            return t("Істе № \(n) сұрау салу жоқ.", "В деле нет запроса № \(n).", "The case has no request No. \(n).")
        case .requestClosed(let n):
            return t("№ \(n) сұрау салуға жауап тіркелген немесе оның мүмкін еместігі жазылған.",
                     "По запросу № \(n) ответ уже записан или отмечено, что его получить невозможно.",
                     "Request No. \(n) is answered or recorded as unanswerable already.")
        case .unknownExpert(let n):
            return t("Істе № \(n) сарапшы жоқ.", "В деле нет эксперта № \(n).", "The case has no expert No. \(n).")
        case .opinionRecorded(let n):
            return t("№ \(n) сарапшының қорытындысы тіркелген.", "Заключение эксперта № \(n) уже записано.",
                     "The opinion of expert No. \(n) is recorded already.")
        case .dueOutOfRange:
            return t("Мерзім бүгіннен бастап бір жылдың ішінде болуы керек.", "Срок должен быть от сегодняшнего дня до года вперёд.",
                     "The term must be from today to a year ahead.")
        case .unknownNorm(let id):
            return t("Нормативтік актілер тізілімінде \(id) нормасы жоқ.", "В реестре нормативных актов нет нормы \(id).",
                     "The registry of normative acts has no norm \(id).")
        case .normNotInForce(_, let d):
            return t("Бұл норма \(d.inWords(.kk)) күшінде болған жоқ.", "Эта норма не действовала на \(d.inWords(.ru)).",
                     "This norm was not in force on \(d.inWords(.en)).")
        case .normAlreadyApplied:
            return t("Бұл норма іске қолданылған.", "Эта норма уже применена к делу.", "This norm is applied to the case already.")
        case .normNotApplied:
            return t("Бұл норма іске қолданылмаған.", "Эта норма не применена к делу.", "This norm is not applied to the case.")
        case .unknownPrecondition(_, let n):
            return t("Нормада № \(n) алғышарт жоқ.", "У нормы нет предпосылки № \(n).", "The norm has no precondition No. \(n).")
        case .unknownEvidenceFact(let n):
            return t("Істе № \(n) факт жоқ.", "В деле нет факта № \(n).", "The case has no fact No. \(n).")
        case .unknownEvidenceDocument(let n):
            return t("Істе № \(n) қолданыстағы құжат жоқ.", "В деле нет действующего документа № \(n).",
                     "The case holds no document No. \(n) in force.")
        case .noHearingRule:
            return t("Тыңдау ережелері бұл істі шешпейді: әкімшіге хабарлаңыз.", "Правила заслушивания не решают этот случай: сообщите администратору.",
                     "The hearing rules decide nothing for this case: tell the administrator.")
        case .hearingNotPlanned:
            return t("Алдымен тыңдауды жоспарлаңыз: акт пайдалы ма, ауыртпалық түсіре ме (R34).",
                     "Сначала запланируйте заслушивание: акт благоприятный или обременяющий (R34).",
                     "Plan the hearing first: is the act favourable or burdening (R34)?")
        case .hearingNotApplicable:
            return t("Жеңілдетілген тәртіпте тыңдау өткізілмейді.", "В упрощённом порядке заслушивание не проводится.",
                     "The simplified procedure has no hearing.")
        case .hearingConcluded:
            return t("Тыңдау өткізілді немесе оны өткізбеу туралы шешім қабылданды.", "Заслушивание уже проведено или решено его не проводить.",
                     "The hearing was held or omitted already.")
        case .unknownParticipant:
            return t("Тыңдауда мұндай қатысушы жоқ.", "В заслушивании нет такого участника.", "The hearing has no such participant.")
        case .unknownSending:
            return t("Мұндай жіберу жазбасы жоқ.", "Такой записи об отправке нет.", "There is no such sending.")
        case .deliveryRecorded:
            return t("Бұл құжаттың табыс етілгені белгіленген.", "Вручение этого документа уже отмечено.", "This delivery is recorded already.")
        case .deliveryOutOfRange:
            return t("Табыс ету күні жіберілген күннен бұрын немесе бүгіннен кейін болмауы тиіс.",
                     "Дата вручения не может быть раньше отправки или позже сегодняшнего дня.",
                     "The delivery day cannot be before the sending or after today.")
        case .dayOutOfRange:
            return t("Күн рұқсат етілген аралықтан тыс.", "Дата вне допустимого диапазона.", "The day is outside the allowed range.")
        case .noDraft:
            return t("Алдымен шешім жобасын дайындаңыз (R33).", "Сначала подготовьте проект решения (R33).", "Prepare the draft decision first (R33).")
        case .invalidTime:
            return t("Уақытты СС:ММ түрінде жазыңыз (аяқталуы басталуынан кейін).", "Укажите время как ЧЧ:ММ (окончание после начала).",
                     "Give the time as HH:MM (the end after the start).")
        case .objectionNotOpen:
            return t("Қатысушыға шешім жобасы әлі жіберілген жоқ.", "Участнику ещё не направлен проект решения.",
                     "No draft decision has been sent to the participant yet.")
        case .objectionWindowClosed(let d):
            return t("Қарсылық беру мерзімі \(d.inWords(.kk)) аяқталды (ӘРПК 73-бабының 3-тармағы).",
                     "Срок для возражения истёк \(d.inWords(.ru)) (АППК, ст. 73, п. 3).",
                     "The window to object closed on \(d.inWords(.en)) (APPC 73(3)).")
        case .unknownArgument:
            return t("Мұндай дәлел жоқ.", "Такого довода нет.", "There is no such argument.")
        case .protocolNotForWritten:
            return t("Хаттама тек ауызша тыңдауда жасалады (R37).", "Протокол составляется только при устном заслушивании (R37).",
                     "A protocol is drawn up only for an oral hearing (R37).")
        case .textTooLong(_, let n):
            return t("Мәтін тым ұзын: ең көбі \(n) таңба.", "Текст слишком длинный: не более \(n) знаков.", "The text is too long: at most \(n) characters.")
        case .noAct:
            return t("Алдымен актінің жобасын жасаңыз (R42, R43).", "Сначала подготовьте проект акта (R42, R43).", "Draft the act first (R42, R43).")
        case .actKindNotAllowed:
            return t("Актінің түрі өтініштің түріне сәйкес келмейді: өтініш бойынша — қолайлы немесе ауыртпалық түсіретін акт, шағым бойынша — шағым бойынша шешім.",
                     "Вид акта не подходит к обращению: по заявлению — благоприятный или обременяющий акт, по жалобе — решение по жалобе.",
                     "The act's kind does not fit the appeal: an application ends in a favourable or burdening act, a complaint in a complaint decision.")
        case .adoptionBlocked:
            return t("Тыңдау рәсімі актіні әлі қабылдауға мүмкіндік бермейді (ӘРПК 73-бабы, R33–R35).",
                     "Процедура заслушивания пока не позволяет принять акт (АППК, ст. 73, R33–R35).",
                     "The hearing does not allow the act yet (APPC 73, R33–R35).")
        case .actHasErrors(let c):
            return t("Негіздемені тексеру қол қоюға кедергі келтіретін қателерді тапты: \(c.joined(separator: ", ")).",
                     "Проверка обоснованности нашла ошибки, препятствующие подписанию: \(c.joined(separator: ", ")).",
                     "The justification check found errors that block signing: \(c.joined(separator: ", ")).")
        case .warningsNotAcknowledged(let c):
            return t("Қол қоюдан бұрын ескертулерді себебін көрсетіп қабылдаңыз: \(c.joined(separator: ", ")).",
                     "Перед подписанием примите предупреждения, указав причину: \(c.joined(separator: ", ")).",
                     "Acknowledge these warnings with a reason before signing: \(c.joined(separator: ", ")).")
        case .approvalPending(let n):
            return t("Келісушілер (\(n)) жобаның соңғы нұсқасын әлі келіскен жоқ.", "Согласующие (\(n)) ещё не согласовали текущую редакцию.",
                     "\(n) approver(s) have not approved the current revision.")
        case .unknownWarning:
            return t("Бұл актіде мұндай ашық ескерту жоқ.", "В этом акте нет такого открытого предупреждения.", "The act has no such open warning.")
        case .nothingToComplainAbout:
            return t("Шағым жасайтын акт жоқ, мерзім де әлі өткен жоқ (ӘРПК 91-бабының 2-тармағы).",
                     "Обжаловать нечего: акта нет, и срок ещё не истёк (АППК, ст. 91, п. 2).",
                     "There is no act to complain about, and the term has not run out (APPC 91(2)).")
        case .complaintGoesToCourt:
            return t("Шағым бойынша шешімге әкімшілік сотқа шағым жасалады (ӘРПК 91-бабының 5-тармағы).",
                     "Решение по жалобе обжалуется в административный суд (АППК, ст. 91, п. 5).",
                     "A decision on a complaint is appealed to the administrative court (APPC 91(5)).")
        case .unknownComplaint:
            return t("Мұндай шағым жоқ.", "Такой жалобы нет.", "There is no such complaint.")
        case .complaintPassed:
            return t("Шағым жоғары тұрған органға жіберілді.", "Жалоба уже направлена в вышестоящий орган.", "The complaint was passed to the higher body already.")
        case .noHigherBody:
            return t("Органның жоғары тұрған органы көрсетілмеген (ӘРПК 91-бабының 4-тармағы): әкімші белгілейді.",
                     "Для органа не указан вышестоящий орган (АППК, ст. 91, п. 4): его указывает администратор.",
                     "The body has no higher body set up (APPC 91(4)): the administrator sets it.")
        case .exportRequired:
            return t("Алдымен істі экспорттаңыз: шағым жоғары тұрған органға әкімшілік іспен бірге жіберіледі (ӘРПК 91-бабының 4-тармағы).",
                     "Сначала выгрузите дело: жалоба направляется в вышестоящий орган вместе с административным делом (АППК, ст. 91, п. 4).",
                     "Export the case file first: the complaint goes to the higher body with it (APPC 91(4)).")
        case .omissionNotAllowed:
            return t("Бұл жағдайда тыңдауды өткізбеуге болмайды немесе көрсетілген себеп ережеге сәйкес келмейді (R34, R35).",
                     "В этом случае заслушивание нельзя не проводить, либо указанная причина не соответствует правилам (R34, R35).",
                     "The hearing cannot be omitted here, or the reason given is not the one the rules allow (R34, R35).")
        }
    }
}
