using System;
using System.Collections.Generic;
using System.Reflection;
using InterfaceFirmware.Emulator;
using InterfaceFirmware.EmulatorCli.Scripting;
using InterfaceFirmware.Firmware.Boards;

namespace InterfaceFirmware.EmulatorCli.Session
{
    /// <summary>The boards the program runs, by name: the emulator's description and the firmware's profile of each.</summary>
    public static class Boards
    {
        /// <summary>
        /// Every board both the emulator describes (a <see cref="BoardDescription"/> factory such as
        /// <c>BoardDescription.LyraT()</c>) and the firmware has a profile for, by lower-case name:
        /// the reference board first, then the others alphabetically. A board added to both shows
        /// here by itself; its default session is <c>Sessions/&lt;name&gt;.session</c>.
        /// </summary>
        public static readonly string[] Names = Discover();

        public static BoardDescription Description(string board)
        {
            foreach (MethodInfo factory in Factories())
            {
                if (factory.Name.ToLowerInvariant() == board)
                {
                    return (BoardDescription)factory.Invoke(null, null);
                }
            }

            throw new ArgumentException("no board " + board);
        }

        /// <summary>One line per board for the help: its name, codecs, amplifier, jacks, USB bridge.</summary>
        public static string Summary()
        {
            var parts = new List<string>();
            foreach (string name in Names)
            {
                BoardDescription d = Description(name);
                BoardProfile profile = BoardProfiles.ByName(name);
                var chips = new List<string>();
                var kinds = new List<CodecKind>();
                foreach (CodecDescription codec in d.Codecs)
                {
                    if (!kinds.Contains(codec.Kind))
                    {
                        kinds.Add(codec.Kind);
                        int count = Array.FindAll(d.Codecs, c => c.Kind == codec.Kind).Length;
                        chips.Add((count > 1 ? count + " × " : string.Empty) + codec.Kind.ToString().ToUpperInvariant());
                    }
                }

                if (d.HasAmplifier)
                {
                    chips.Add("TPA6130A2");
                }

                parts.Add(name + " (" + string.Join(" + ", chips) + ", " + (profile.Jacks.Length == 1 ? "one jack" : profile.Jacks.Length + " jacks")
                    + (profile.HasUsbBridge ? ", USB audio" : ", standalone") + ")");
            }

            return string.Join(", ", parts);
        }

        private static string[] Discover()
        {
            var names = new List<string>();
            foreach (MethodInfo factory in Factories())
            {
                string name = factory.Name.ToLowerInvariant();
                if (BoardProfiles.ByName(name) != null)
                {
                    names.Add(name);
                }
            }

            names.Sort((a, b) => a == b ? 0 : a == "reference" ? -1 : b == "reference" ? 1 : string.CompareOrdinal(a, b));
            return names.ToArray();
        }

        private static IEnumerable<MethodInfo> Factories()
        {
            foreach (MethodInfo method in typeof(BoardDescription).GetMethods(BindingFlags.Public | BindingFlags.Static))
            {
                if (method.ReturnType == typeof(BoardDescription) && method.GetParameters().Length == 0)
                {
                    yield return method;
                }
            }
        }

        /// <summary>What a script may name on <paramref name="board"/>.</summary>
        public static ScriptVocabulary Vocabulary(string board)
        {
            BoardProfile profile = BoardProfiles.ByName(board);
            BoardDescription description = Description(board);
            var buttons = new string[profile.Buttons.Length];
            for (int i = 0; i < buttons.Length; i++)
            {
                buttons[i] = profile.Buttons[i].Name;
            }

            var jacks = new string[profile.Jacks.Length];
            for (int i = 0; i < jacks.Length; i++)
            {
                jacks[i] = profile.Jacks[i].Name;
            }

            var inputs = new string[description.Inputs.Length];
            for (int i = 0; i < inputs.Length; i++)
            {
                inputs[i] = description.Inputs[i].Name;
            }

            var chips = new System.Collections.Generic.SortedDictionary<string, int>(StringComparer.Ordinal);
            for (int i = 0; i < description.Codecs.Length; i++)
            {
                chips[description.Codecs[i].Name.ToLowerInvariant()] = description.Codecs[i].Address;
            }

            chips["codec"] = description.Codecs[0].Address;
            if (description.HasAmplifier)
            {
                chips["tpa6130a2"] = description.AmplifierAddress;
                chips["amplifier"] = description.AmplifierAddress;
            }

            return new ScriptVocabulary
            {
                Board = board,
                Buttons = buttons,
                Jacks = jacks,
                Inputs = inputs,
                HasUsbBridge = profile.HasUsbBridge,
                Chips = chips,
                HasAmplifier = description.HasAmplifier,
            };
        }

        public static int JackIndex(BoardProfile profile, string jack)
        {
            for (int i = 0; i < profile.Jacks.Length; i++)
            {
                if (profile.Jacks[i].Name == jack)
                {
                    return i;
                }
            }

            throw new ArgumentException("no jack " + jack);
        }

        /// <summary>
        /// The pops heard at the headphone jacks (<paramref name="atJacks"/>) or only at the
        /// emulator's probes (codec A's own output before the amplifier, "codec-a").
        /// </summary>
        public static System.Collections.Generic.List<PopEvent> Pops(VirtualBoard board, bool atJacks)
        {
            var pops = new System.Collections.Generic.List<PopEvent>();
            foreach (PopEvent e in board.PopEvents)
            {
                bool atJack = IsJack(board, board.MainJack, e) || IsJack(board, board.SecondJack, e);
                if (atJack == atJacks)
                {
                    pops.Add(e);
                }
            }

            return pops;
        }

        private static bool IsJack(VirtualBoard board, HeadphoneOutput jack, PopEvent e)
        {
            return jack != null && e.Output.StartsWith(jack.Name + ".", StringComparison.Ordinal);
        }

        /// <summary>Where the firmware's jack <paramref name="jack"/> is heard on the emulated board.</summary>
        public static HeadphoneOutput Output(VirtualBoard board, int jack)
        {
            return jack == 0 ? board.MainJack : board.SecondJack;
        }
    }
}
