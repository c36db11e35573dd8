using System;
using InterfaceFirmware.Emulator;
using InterfaceFirmware.EmulatorCli.Scripting;
using InterfaceFirmware.Firmware.Boards;

namespace InterfaceFirmware.EmulatorCli.Session
{
    /// <summary>The boards the program runs, by name: the emulator's description and the firmware's profile of each.</summary>
    public static class Boards
    {
        public static readonly string[] Names = { "reference", "audiokit", "lyrat" };

        public static BoardDescription Description(string board)
        {
            switch (board)
            {
                case "audiokit": return BoardDescription.AudioKit();
                case "lyrat": return BoardDescription.LyraT();
                case "reference": return BoardDescription.Reference();
                default: throw new ArgumentException("no board " + board);
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
