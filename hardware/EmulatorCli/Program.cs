using System;
using System.CommandLine;
using System.IO;
using System.Reflection;
using System.Text;
using InterfaceFirmware.Emulator;
using InterfaceFirmware.EmulatorCli.Commands;
using InterfaceFirmware.EmulatorCli.Output;
using InterfaceFirmware.EmulatorCli.Scripting;
using InterfaceFirmware.EmulatorCli.Session;

namespace InterfaceFirmware.EmulatorCli
{
    /// <summary>
    /// Runs the firmware on an emulated board (README: the first command): a session script — the
    /// board's default session, or <c>--script FILE</c> — printed as a timeline of what the device
    /// did, with one WAV per headphone jack and the timeline in <c>--out DIR</c>, and on request
    /// the main jack as <c>--wav FILE</c> and the I2C trace as <c>--trace FILE</c>.
    /// </summary>
    public static class Program
    {
        /// <summary>Every line ran and every <c>expect</c> held.</summary>
        public const int ExitOk = 0;

        /// <summary>An <c>expect</c> line did not hold.</summary>
        public const int ExitExpectationFailed = 1;

        /// <summary>Something the user can fix: an option, the script, an output path.</summary>
        public const int ExitUsage = 2;

        public const string DefaultOutFolder = "session-out";

        /// <summary>The picture of the session in the --out folder.</summary>
        public const string PictureFile = "session.png";

        public static int Main(string[] args)
        {
            Console.OutputEncoding = Encoding.UTF8;
            return Run(args, Console.Out, Console.Error);
        }

        /// <summary>Parses the options and runs the session: the timeline to <paramref name="output"/>, errors to <paramref name="error"/>.</summary>
        public static int Run(string[] args, TextWriter output, TextWriter error)
        {
            return Run(args, output, error, null);
        }

        /// <summary>
        /// As <see cref="Run(string[], TextWriter, TextWriter)"/>, every output's temporary file
        /// created by <paramref name="createTemporary"/> (null: on the disk, see <see cref="OutputPlan"/>).
        /// </summary>
        public static int Run(string[] args, TextWriter output, TextWriter error, Func<string, Stream> createTemporary)
        {
            var board = new Option<string>("--board") { Description = "The board: " + Boards.Summary(), DefaultValueFactory = _ => "reference", HelpName = string.Join("|", Boards.Names) };
            board.AcceptOnlyFromAmong(Boards.Names);
            var script = new Option<FileInfo>("--script") { Description = "Run this session script instead of the board's default session (README: session scripts)", HelpName = "FILE" };
            var outFolder = new Option<DirectoryInfo>("--out") { Description = "Folder for <jack>.wav per headphone jack (48 kHz, 24-bit, stereo), timeline.txt and session.png; made if missing", DefaultValueFactory = _ => new DirectoryInfo(DefaultOutFolder), HelpName = "DIR" };
            var wav = new Option<FileInfo>("--wav") { Description = "Also write the main headphone jack here (48 kHz, 24-bit WAV)", HelpName = "FILE" };
            var trace = new Option<FileInfo>("--trace") { Description = "Also write every I2C transaction here as CSV (time_ms,device,address,op,data,status)", HelpName = "FILE" };
            var printDefault = new Option<bool>("--print-default") { Description = "Print the board's default session script and exit (a start for your own)" };
            var root = new RootCommand("interface-emulator: the InterfaceFirmware firmware on an emulated board, in virtual time. Without a command: runs the board's default session (or --script FILE) and prints its timeline. Exit codes: 0 ran and every expect held, 1 an expect failed, 2 a usage error (an option, the script, a file; nothing written)")
            {
                board,
                script,
                outFolder,
                wav,
                trace,
                printDefault,
            };
            var inputWav = new Option<FileInfo>("--input-wav") { Description = "What the inputs carry: the file's left channel on the first input, its right on the second", HelpName = "FILE" };
            var playbackWav = new Option<FileInfo>("--playback-wav") { Description = "What the computer plays (the ESP32 on the dev boards)", HelpName = "FILE" };
            var renderScript = new Option<FileInfo>("--script") { Description = "Lines to run meanwhile (button presses…); times from power-up, the files start at 3 s", HelpName = "FILE" };
            var renderOut = new Option<DirectoryInfo>("--out") { Description = "Folder for one WAV per headphone jack (from 3 s on), timeline.txt and session.png", DefaultValueFactory = _ => new DirectoryInfo(RenderCommand.DefaultOutFolder), HelpName = "DIR" };
            var render = new Command("render", "Render what the headphones would play through the firmware-configured board: WAV files in (any rate, mono or stereo, PCM or float; resampled to 48 kHz), one WAV per jack out (a progress bar on a terminal). Exit codes as without a command")
            {
                board,
                inputWav,
                playbackWav,
                renderScript,
                renderOut,
            };
            render.SetAction(parse => RenderCommand.Run(parse.GetValue(board), parse.GetValue(inputWav), parse.GetValue(playbackWav), parse.GetValue(renderScript),
                parse.GetValue(renderOut), output, error, IsTerminal(output), createTemporary));
            var interactive = new Command("interactive", "A live panel of the emulated board in real time, its buttons on keys shown on screen; q, Esc or Ctrl-C quits (exit 0). Needs a terminal: with input or output redirected it says so and exits 2")
            {
                board,
            };
            interactive.SetAction(parse => InteractiveCommand.Run(parse.GetValue(board), error, IsTerminal(output)));
            var eqFile = new Argument<FileInfo>("FILE") { Description = "An AutoEq ParametricEQ.txt (EqualizerAPO syntax: Preamp and Filter lines)" };
            var eqOut = new Option<FileInfo>("--out") { Description = "The device preset file to write (59 bytes, see README: EQ presets)", HelpName = "PRESETFILE", Required = true };
            var eqImport = new Command("import", "Convert an AutoEq parametric EQ into a device preset fitted to the SGTL5000's 7 biquads, with the fit's worst deviation over 20 Hz-20 kHz")
            {
                eqFile,
                eqOut,
            };
            eqImport.SetAction(parse => EqImportCommand.Run(parse.GetValue(eqFile), parse.GetValue(eqOut), output, error, createTemporary));
            var eq = new Command("eq", "Headphone EQ presets for the portable board (SGTL5000)") { eqImport };
            root.Subcommands.Add(render);
            root.Subcommands.Add(eq);
            root.Subcommands.Add(interactive);
            root.SetAction(parse => parse.GetValue(printDefault)
                ? PrintDefault(parse.GetValue(board), output, error)
                : RunSession(parse.GetValue(board), parse.GetValue(script), parse.GetValue(outFolder), parse.GetValue(wav), parse.GetValue(trace), output, error, createTemporary));

            ParseResult result = root.Parse(args);
            if (result.Errors.Count > 0)
            {
                foreach (var parseError in result.Errors)
                {
                    error.WriteLine("interface-emulator: " + parseError.Message);
                }

                error.WriteLine("(interface-emulator --help lists the options)");
                return ExitUsage;
            }

            return result.Invoke(new InvocationConfiguration { Output = output, Error = error });
        }

        // A person at a terminal: the program's own console, neither side redirected.
        private static bool IsTerminal(TextWriter output)
        {
            return output == Console.Out && !Console.IsOutputRedirected && !Console.IsInputRedirected;
        }

        private static int PrintDefault(string board, TextWriter output, TextWriter error)
        {
            string session = DefaultSession(board);
            if (session == null)
            {
                error.WriteLine("interface-emulator: " + NoDefaultSession(board));
                return ExitUsage;
            }

            output.Write(session);
            return ExitOk;
        }

        private static string NoDefaultSession(string board)
        {
            return "the " + board + " board has no default session yet (hardware/EmulatorCli/Sessions/" + board + ".session): give --script FILE";
        }

        private static int RunSession(string board, FileInfo scriptFile, DirectoryInfo outFolder, FileInfo wav, FileInfo trace, TextWriter output, TextWriter error,
            Func<string, Stream> createTemporary)
        {
            string scriptName = scriptFile != null ? scriptFile.FullName : board + ".session (the default session)";
            ScriptStep[] steps;
            try
            {
                string text = scriptFile != null ? ReadScript(scriptFile) : DefaultSession(board) ?? throw new OutputException(NoDefaultSession(board));
                steps = ScriptParser.Parse(text, Boards.Vocabulary(board));
                if (steps.Length == 0)
                {
                    throw new OutputException(scriptName + ": no command in it (only blank lines and comments): nothing to run");
                }

                LoadWavFiles(steps, scriptFile != null ? scriptFile.DirectoryName : Directory.GetCurrentDirectory());
            }
            catch (ScriptException e)
            {
                error.WriteLine("interface-emulator: " + scriptName + ": " + e.Message);
                return ExitUsage;
            }
            catch (OutputException e)
            {
                error.WriteLine("interface-emulator: " + e.Message);
                return ExitUsage;
            }

            var timeline = new Timeline(output);
            SessionRunner runner;
            OutputPlan plan;
            try
            {
                runner = new SessionRunner(board, timeline);
                plan = PlanOutputs(runner, timeline, outFolder, wav, trace, scriptFile, Inputs(scriptFile, steps), createTemporary);
            }
            catch (OutputException e)
            {
                error.WriteLine("interface-emulator: " + e.Message);
                return ExitUsage;
            }

            timeline.Header("interface-emulator: the firmware on the emulated " + board + " board, " + scriptName);
            SessionOutcome outcome;
            try
            {
                outcome = runner.Run(steps);
            }
            catch (ScriptException e)
            {
                plan.RemoveMadeFolder();
                error.WriteLine("interface-emulator: " + scriptName + ": " + e.Message + " (nothing was written)");
                return ExitUsage;
            }

            try
            {
                plan.Write();
            }
            catch (OutputException e)
            {
                error.WriteLine("interface-emulator: " + e.Message);
                return ExitUsage;
            }

            foreach (string path in plan.Paths)
            {
                output.WriteLine("wrote " + path);
            }

            if (outcome == SessionOutcome.ExpectationFailed)
            {
                error.WriteLine("interface-emulator: " + scriptName + ": " + runner.Failure);
                return ExitExpectationFailed;
            }

            return ExitOk;
        }

        // Every output, checked before anything runs.
        internal static OutputPlan PlanOutputs(SessionRunner runner, Timeline timeline, DirectoryInfo outFolder, FileInfo wav, FileInfo trace, FileInfo scriptFile,
            System.Collections.Generic.IEnumerable<(string What, string Path)> inputs, Func<string, Stream> createTemporary, long jackWavFromMs = 0)
        {
            long fromSample = jackWavFromMs * AudioEngine.SampleRate / 1000;
            var plan = new OutputPlan(createTemporary);
            foreach (var input in inputs)
            {
                plan.AddInput(input.What, input.Path);
            }

            VirtualBoard board = runner.Board;
            string folder = outFolder.FullName;
            for (int j = 0; j < runner.Profile.Jacks.Length; j++)
            {
                HeadphoneOutput jack = Boards.Output(board, j);
                plan.Add("--out", Path.Combine(folder, runner.Profile.Jacks[j].Name + ".wav"), s => WavWriter.Write(s, jack.Recorder(true), jack.Recorder(false), fromSample));
            }

            plan.Add("--out", Path.Combine(folder, "timeline.txt"), s => Write(s, timeline.Text));
            var channels = new System.Collections.Generic.List<SessionPicture.Channel>();
            for (int j = 0; j < runner.Profile.Jacks.Length; j++)
            {
                HeadphoneOutput jack = Boards.Output(board, j);
                string name = runner.Profile.Jacks[j].Name;
                channels.Add(new SessionPicture.Channel(name + " L", jack.Recorder(true)));
                channels.Add(new SessionPicture.Channel(name + " R", jack.Recorder(false)));
            }

            string title = "the firmware on the emulated " + runner.Profile.Name + " board: " + (scriptFile != null ? scriptFile.Name : "the default session");
            plan.Add("--out", Path.Combine(folder, PictureFile), s => SessionPicture.Write(s, title, channels, runner.Ran));
            if (wav != null)
            {
                plan.Add("--wav", wav.FullName, s => WavWriter.Write(s, board.MainJack.Recorder(true), board.MainJack.Recorder(false)));
            }

            if (trace != null)
            {
                plan.Add("--trace", trace.FullName, s => Write(s, board.Bus.ExportCsv()));
            }

            plan.PrepareFolder("--out", folder);
            plan.Check();
            return plan;
        }

        /// <summary>The files a session reads: the script and its <c>wav FILE</c> signals (outputs may not be any of them).</summary>
        internal static System.Collections.Generic.List<(string What, string Path)> Inputs(FileInfo scriptFile, System.Collections.Generic.IEnumerable<ScriptStep> steps)
        {
            var inputs = new System.Collections.Generic.List<(string What, string Path)>();
            if (scriptFile != null)
            {
                inputs.Add(("the script", scriptFile.FullName));
            }

            foreach (ScriptStep step in steps)
            {
                if (step.Signal != null && step.Signal.Kind == "wav" && step.Signal.Path != null)
                {
                    inputs.Add(("the WAV file of line " + step.Line, step.Signal.Path));
                }

                if (step.Verb == Verb.EqLoad && step.FilePath != null)
                {
                    inputs.Add(("the preset file of line " + step.Line, step.FilePath));
                }
            }

            return inputs;
        }

        /// <summary>Reads every <c>wav FILE</c> and <c>eq load FILE</c> of the script (relative to the script's folder) before anything runs.</summary>
        public static void LoadWavFiles(ScriptStep[] steps, string folder)
        {
            foreach (ScriptStep step in steps)
            {
                if (step.Verb == Verb.EqLoad)
                {
                    LoadPresetFile(step, folder);
                    continue;
                }

                if (step.Signal != null && step.Signal.Kind == "wav")
                {
                    string path = Path.GetFullPath(Path.Combine(folder, step.Signal.File));
                    step.Signal.Path = path;
                    try
                    {
                        step.Signal.Wav = WavReader.Read(path);
                    }
                    catch (WavException e)
                    {
                        throw new ScriptException(step.Line, step.Command, "cannot read " + path + ": " + e.Message);
                    }
                }
            }
        }

        // A device preset file: read whole and checked as the firmware will check it.
        private static void LoadPresetFile(ScriptStep step, string folder)
        {
            string path = Path.GetFullPath(Path.Combine(folder, step.Name));
            step.FilePath = path;
            byte[] bytes;
            try
            {
                if (Directory.Exists(path))
                {
                    throw new ScriptException(step.Line, step.Command, path + " is a folder, not a preset file");
                }

                bytes = File.ReadAllBytes(path);
            }
            catch (IOException e)
            {
                throw new ScriptException(step.Line, step.Command, "cannot read " + path + ": " + e.Message);
            }
            catch (UnauthorizedAccessException e)
            {
                throw new ScriptException(step.Line, step.Command, "cannot read " + path + ": " + e.Message);
            }

            if (!InterfaceFirmware.Firmware.Eq.EqPresetFile.TryRead(bytes, new InterfaceFirmware.Firmware.Eq.EqPreset()))
            {
                throw new ScriptException(step.Line, step.Command, path + " is not a device EQ preset (" + bytes.Length + " bytes; eq import writes them, "
                    + InterfaceFirmware.Firmware.Eq.EqPresetFile.Size + " bytes)");
            }

            step.FileData = bytes;
        }

        private static void Write(Stream stream, string text)
        {
            byte[] bytes = new UTF8Encoding(false).GetBytes(text);
            stream.Write(bytes, 0, bytes.Length);
        }

        internal static string ReadScript(FileInfo file)
        {
            try
            {
                return File.ReadAllText(file.FullName);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new OutputException("--script " + file.FullName + ": cannot read it (" + OutputPlan.WhyUnreadable(e, file.FullName) + ")");
            }
        }

        /// <summary>The board's default session script, as shipped in hardware/EmulatorCli/Sessions; null if it has none.</summary>
        public static string DefaultSession(string board)
        {
            string name = "Sessions." + board + ".session";
            using Stream stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name);
            if (stream == null)
            {
                return null;
            }

            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
    }
}
