public import PropCore

/// Why a backtest could not run at all. Single bad frames are counted in the report, never thrown.
public enum BacktestError: PropError, Equatable {
    /// The data folder does not exist or cannot be listed.
    case dataDirectoryUnreadable(path: String)
    /// The data folder holds no recording files, or they hold no frames.
    case dataEmpty(path: String)
    /// A recording file cannot be opened.
    case dataFileUnreadable(path: String)
    /// No venue's instrument list (REST) is in the recording, so prices cannot be parsed.
    case noInstrumentList(path: String)
    /// None of the profile's instruments is in the recording.
    case noTradedInstruments(profile: [String], recorded: [String])
    /// The profile file cannot be read or is not valid.
    case profileInvalid(path: String, details: String)
    /// The output folder or a report file cannot be written.
    case outputUnwritable(path: String)
    /// Writing the synthetic market failed.
    case generateFailed(path: String, reason: String)

    public var code: String {
        switch self {
        case .dataDirectoryUnreadable: "backtest_data_unreadable"
        case .dataEmpty: "backtest_data_empty"
        case .dataFileUnreadable: "backtest_data_file_unreadable"
        case .noInstrumentList: "backtest_no_instrument_list"
        case .noTradedInstruments: "backtest_no_instruments"
        case .profileInvalid: "backtest_profile_invalid"
        case .outputUnwritable: "backtest_output_unwritable"
        case .generateFailed: "backtest_generate_failed"
        }
    }

    public var messageRu: String {
        switch self {
        case .dataDirectoryUnreadable(let p): "Папка данных --data «\(p)» не найдена или не читается"
        case .dataEmpty(let p): "В папке данных «\(p)» нет записанных кадров (файлов *.frames.gz или строк в них)"
        case .dataFileUnreadable(let p): "Файл записи «\(p)» не открывается"
        case .noInstrumentList(let p): "В записи «\(p)» нет списка инструментов ни одной биржи (REST exchangeInfo / instruments / instruments-info)"
        case .noTradedInstruments(let profile, let recorded):
            "Ни один инструмент профиля (поле instruments: \(profile.joined(separator: ", "))) не найден в записи (есть: \(recorded.joined(separator: ", ")))"
        case .profileInvalid(let p, let d): "Профиль «\(p)» не принят: \(d)"
        case .outputUnwritable(let p): "Не удаётся записать результат в «\(p)»"
        case .generateFailed(let p, let r): "Не удалось записать синтетический рынок в «\(p)»: \(r)"
        }
    }

    public var hintRu: String {
        switch self {
        case .dataDirectoryUnreadable: "проверьте путь и права доступа; запись создаёт propbot run с включённой записью кадров или propbot backtest --generate"
        case .dataEmpty: "укажите папку с файлами записи или создайте её: propbot backtest --generate --minutes 1 --seed 1 --out DIR"
        case .dataFileUnreadable: "проверьте права доступа к файлу"
        case .noInstrumentList: "запись должна начинаться с момента запуска ленты (она запрашивает список инструментов); перезапишите данные"
        case .noTradedInstruments: "укажите в профиле инструменты из записи или запишите данные по инструментам профиля"
        case .profileInvalid: "исправьте профиль по сообщениям выше; образец — configs/demo.yaml"
        case .outputUnwritable: "проверьте путь --out, свободное место и права доступа"
        case .generateFailed: "проверьте путь --out, свободное место и права доступа"
        }
    }
}
