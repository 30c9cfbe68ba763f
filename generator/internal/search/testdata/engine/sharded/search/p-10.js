joinedupSearch.add("p-10",{"manag":[6,25,2,24],"mdt":[9,68],"multidisciplinari":[9,63]});
